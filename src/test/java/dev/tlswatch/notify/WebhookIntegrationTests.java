package dev.tlswatch.notify;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.tlswatch.support.Eventually;
import dev.tlswatch.support.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The webhook channel against a loopback HTTP server, in an application with mail off
 * (empty {@code spring.mail.host}): the outbox retries a failed POST and delivers it
 * once, the URL's token is never logged or shown, and mail being off takes nothing else
 * down.
 */
@IntegrationTest(properties = "spring.mail.host=")
@ExtendWith(OutputCaptureExtension.class)
class WebhookIntegrationTests {

	static final String SECRET = "SECRET-TOKEN-3f9a";

	static final String QUERY_SECRET = "QUERY-SECRET-77c1";

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final HookServer hooks = HookServer.start();

	@Autowired
	private Notifier notifier;

	@Autowired
	private TransactionTemplate transactions;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private MockMvc mvc;

	@DynamicPropertySource
	static void webhook(DynamicPropertyRegistry registry) {
		registry.add("tlswatch.notify.webhook.url",
				() -> "http://127.0.0.1:" + hooks.port() + "/hooks/" + SECRET + "?token=" + QUERY_SECRET);
	}

	@AfterAll
	static void stopHooks() {
		hooks.stop();
	}

	@BeforeEach
	void answerOk() {
		hooks.answers(List.of());
	}

	@Test
	void failedPostIsRetriedAndDeliveredOnceWithSlackCompatibleJson(CapturedOutput output) throws Exception {
		String token = NotifierIntegrationTests.token();
		hooks.answers(List.of(500));
		OutgoingMessage message = new OutgoingMessage(token, "Certificate expires " + token,
				"example.com:443 expires in 7 days", "<p>ignored by the webhook</p>", List.of("owner@tlswatch.test"),
				Map.of("severity", "WARNING", "endpoint", "example.com:443"));

		this.transactions.execute((status) -> this.notifier.enqueue(message));

		Eventually.await(Duration.ofSeconds(30), "the webhook delivered", () -> sent(token));
		List<HookServer.Request> requests = hooks.requestsFor(token);
		assertThat(requests).extracting(HookServer.Request::status).containsExactly(500, 200);
		assertThat(requests).extracting(HookServer.Request::idempotencyKey)
			.doesNotContainNull()
			.containsOnly(requests.get(0).idempotencyKey());
		assertThat(requests).extracting(HookServer.Request::path).containsOnly("/hooks/" + SECRET);
		JsonNode body = json.readTree(requests.get(1).body());
		assertThat(body.get("text").asString()).isEqualTo("example.com:443 expires in 7 days");
		assertThat(body.get("subject").asString()).isEqualTo("Certificate expires " + token);
		assertThat(body.get("key").asString()).isEqualTo(token);
		assertThat(body.get("attributes").get("severity").asString()).isEqualTo("WARNING");
		assertThat(body.get("attributes").get("endpoint").asString()).isEqualTo("example.com:443");
		assertThat(requests.get(0).contentType()).startsWith("application/json");
		// Mail is off here: the message has a webhook row only.
		assertThat(this.jdbc
			.sql("select o.channel from notify_outbox o join notify_message m on m.id = o.message_id "
					+ "where m.message_key = ?")
			.param(token)
			.query(String.class)
			.list()).containsExactly("WEBHOOK");
		assertThat(output).contains("answered HTTP 500").doesNotContain(SECRET).doesNotContain(QUERY_SECRET);
	}

	@Test
	void urlTokenIsNeverShownInStatusApiOrPage(CapturedOutput output) throws Exception {
		String token = NotifierIntegrationTests.token();
		hooks.answers(List.of(503));
		this.transactions.execute((status) -> this.notifier.enqueue(NotifierIntegrationTests.text(token)));
		Eventually.await(Duration.ofSeconds(30), "the webhook delivered", () -> sent(token));

		DeliveryStatus status = this.notifier.status();
		String target = "http://127.0.0.1:" + hooks.port();
		assertThat(status.webhookEnabled()).isTrue();
		assertThat(status.webhookTarget()).isEqualTo(target);
		// The latest error of all rows may be another test's (the database is shared).
		assertThat(String.valueOf(status.lastError())).doesNotContain(SECRET).doesNotContain(QUERY_SECRET);
		assertThat(this.jdbc
			.sql("select o.last_error from notify_outbox o join notify_message m on m.id = o.message_id "
					+ "where m.message_key = ?")
			.param(token)
			.query(String.class)
			.single()).isEqualTo("Webhook " + target + " answered HTTP 503");
		String api = this.mvc.perform(get("/api/v1/notify/status"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.webhook.enabled").value(true))
			.andExpect(jsonPath("$.webhook.target").value(target))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String page = this.mvc.perform(get("/settings"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(api).doesNotContain(SECRET).doesNotContain(QUERY_SECRET);
		assertThat(page).contains(target).doesNotContain(SECRET).doesNotContain(QUERY_SECRET);
		assertThat(output).doesNotContain(SECRET).doesNotContain(QUERY_SECRET);
	}

	@Test
	void mailOffIsReportedAndKeepsTheApplicationHealthy() throws Exception {
		DeliveryStatus status = this.notifier.status();
		TestMailResult testMail = this.notifier.sendTestMail("");

		assertThat(status.mailEnabled()).isFalse();
		assertThat(status.mailFrom()).isNull();
		assertThat(testMail.sent()).isFalse();
		assertThat(testMail.error()).contains("Mail is off");
		this.mvc.perform(get("/actuator/health"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("UP"));
		this.mvc.perform(get("/api/v1/notify/status"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.mail.enabled").value(false));
	}

	private boolean sent(String key) {
		return this.jdbc
			.sql("select count(*) from notify_outbox o join notify_message m on m.id = o.message_id "
					+ "where m.message_key = ? and o.status = 'SENT'")
			.param(key)
			.query(Long.class)
			.single() == 1;
	}

	/**
	 * A loopback HTTP server that records each POST and answers with the next queued
	 * status, 200 once the queue is empty.
	 */
	static final class HookServer {

		private static final int MAX_BODY = 64 * 1024;

		private final HttpServer server;

		private final Deque<Integer> answers = new ArrayDeque<>();

		private final List<Request> requests = new CopyOnWriteArrayList<>();

		private HookServer(HttpServer server) {
			this.server = server;
		}

		static HookServer start() {
			try {
				HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
				HookServer hooks = new HookServer(server);
				server.createContext("/hooks/", hooks::handle);
				server.start();
				return hooks;
			}
			catch (IOException ex) {
				throw new IllegalStateException("Unable to start the webhook test server", ex);
			}
		}

		int port() {
			return this.server.getAddress().getPort();
		}

		synchronized void answers(List<Integer> statuses) {
			this.answers.clear();
			this.answers.addAll(statuses);
		}

		List<Request> requestsFor(String key) {
			return this.requests.stream()
				.filter((request) -> request.body().contains("\"key\":\"" + key + "\""))
				.toList();
		}

		void stop() {
			this.server.stop(0);
		}

		private void handle(HttpExchange exchange) throws IOException {
			try (exchange; InputStream in = exchange.getRequestBody()) {
				String body = new String(in.readNBytes(MAX_BODY), StandardCharsets.UTF_8);
				int status = nextStatus();
				this.requests.add(new Request(exchange.getRequestURI().getPath(),
						exchange.getRequestHeaders().getFirst("Idempotency-Key"),
						exchange.getRequestHeaders().getFirst("Content-Type"), body, status));
				exchange.sendResponseHeaders(status, -1);
			}
		}

		private synchronized int nextStatus() {
			Integer next = this.answers.poll();
			return (next != null) ? next : 200;
		}

		/**
		 * One POST.
		 *
		 * @param path its path
		 * @param idempotencyKey its Idempotency-Key header
		 * @param contentType its Content-Type header
		 * @param body its body
		 * @param status the status it was answered with
		 */
		record Request(String path, String idempotencyKey, String contentType, String body, int status) {
		}

	}

}
