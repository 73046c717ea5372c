package dev.tlswatch.notify;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import dev.tlswatch.support.Eventually;
import dev.tlswatch.support.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every channel type against one in-process HTTP receiver: each request's URL, headers
 * and JSON body exactly; routing by tag and minimum severity; one outbox row per channel,
 * retried alone; PagerDuty and Opsgenie resolved with the alert; channels added on the
 * dashboard, their test message and the scan target policy.
 */
@IntegrationTest(properties = { "tlswatch.notify.mail.to=", "tlswatch.notify.drain-interval=500ms" })
class ChannelsIntegrationTests {

	static final Duration WAIT = Duration.ofSeconds(30);

	static final String LINK = "http://localhost:8080/endpoints/7";

	static final String ENDPOINT = "mx.example.com:25";

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final HttpReceiver receiver = HttpReceiver.start();

	@Autowired
	private Notifier notifier;

	@Autowired
	private NotificationChannels channels;

	@Autowired
	private TransactionTemplate transactions;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private MockMvc mvc;

	@DynamicPropertySource
	static void channels(DynamicPropertyRegistry registry) {
		channel(registry, "hook", "WEBHOOK", "/hook", "hook-secret", "fmt");
		channel(registry, "slack", "SLACK", "/slack", null, "fmt");
		channel(registry, "teams", "MICROSOFT_TEAMS", "/teams", null, "fmt");
		channel(registry, "discord", "DISCORD", "/discord", null, "fmt");
		channel(registry, "mattermost", "MATTERMOST", "/mattermost", null, "fmt");
		channel(registry, "pd", "PAGERDUTY", "/pd", "pd-routing-key", "fmt");
		channel(registry, "og", "OPSGENIE", "/og", "og-key", "fmt");
		channel(registry, "tg", "TELEGRAM", "/tg", "123456:ABC-def_ghi", "fmt");
		registry.add("tlswatch.notify.channels.tg.chat-id", () -> "-1001234567890");
		channel(registry, "ntfy", "NTFY", "/ntfy/tlswatch-alerts", "tk_ntfy", "fmt");
		channel(registry, "gotify", "GOTIFY", "/gotify", "gotify-app-token", "fmt");
		// The example of the docs: the mail team's channel, and PagerDuty for critical
		// ones.
		channel(registry, "mailteam", "WEBHOOK", "/mailteam", null, "mail");
		channel(registry, "pager", "PAGERDUTY", "/pager", "pager-key", "mail");
		registry.add("tlswatch.notify.channels.pager.min-severity", () -> "CRITICAL");
		channel(registry, "retry", "WEBHOOK", "/retry", "retry-secret", "retry");
	}

	private static void channel(DynamicPropertyRegistry registry, String name, String type, String path, String secret,
			String tag) {
		String key = "tlswatch.notify.channels." + name + ".";
		registry.add(key + "type", () -> type);
		registry.add(key + "url", () -> receiver.url(path));
		if (secret != null) {
			registry.add(key + "secret", () -> secret);
		}
		registry.add(key + "tags", () -> tag);
	}

	@AfterAll
	static void stopReceiver() {
		receiver.close();
	}

	@AfterEach
	void deleteDashboardChannels() {
		this.channels.channels()
			.stream()
			.filter((channel) -> channel.origin() == ChannelDefinition.Origin.DASHBOARD)
			.forEach((channel) -> this.channels.delete(channel.name()));
	}

	@Test
	void eachTypeSendsItsServicesExactRequest() throws Exception {
		String token = NotifierIntegrationTests.token();
		long alertId = ThreadLocalRandom.current().nextLong(1_000_000, Long.MAX_VALUE / 2);
		String subject = "[TLSWatch] CRITICAL " + ENDPOINT + " Certificate expires " + token;
		String text = ENDPOINT + " expires in 2 days <b>&</b> @channel " + token;
		enqueue(new OutgoingMessage("chan-" + token, subject, text, "<p>html is for mail</p>", List.of(),
				Map.of("event", "open"),
				new MessageContext(MessageSeverity.CRITICAL, List.of("FMT"), ENDPOINT, alertId, "OPEN", LINK)));

		String s = q(subject);
		String t = q(text);
		String hookBody = awaitOne("/hook", token).body();
		assertJson(hookBody, """
				{"schema":"tlswatch.notification.v1","key":%s,"subject":%s,"text":%s,"severity":"CRITICAL",
				 "endpoint":"mx.example.com:25","tags":["fmt"],"alertId":%d,"alertState":"OPEN","link":%s,
				 "attributes":{"event":"open"}}""".formatted(q("chan-" + token), s, t, alertId, q(LINK)));
		HttpReceiver.Request hook = awaitOne("/hook", token);
		assertThat(hook.method()).isEqualTo("POST");
		assertThat(hook.header("Content-Type")).isEqualTo("application/json");
		assertThat(hook.header("X-TLSWatch-Signature")).isEqualTo("sha256=" + hmac("hook-secret", hookBody));
		assertThat(hook.header("Idempotency-Key")).startsWith("tlswatch-");
		assertJson(awaitOne("/slack", token).body(), """
				{"text":%s}""".formatted(
				q("*" + subject + "*\n" + text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"))));
		assertJson(awaitOne("/mattermost", token).body(), """
				{"text":%s}""".formatted(q("**" + subject + "**\n" + text.replace("@channel", "@\u200Bchannel"))));
		assertJson(awaitOne("/discord", token).body(), """
				{"content":%s,"allowed_mentions":{"parse":[]}}""".formatted(q("**" + subject + "**\n" + text)));
		assertJson(awaitOne("/teams", token).body(), """
				{"type":"message","attachments":[{"contentType":"application/vnd.microsoft.card.adaptive","content":{
				 "$schema":"http://adaptivecards.io/schemas/adaptive-card.json","type":"AdaptiveCard","version":"1.4",
				 "body":[{"type":"TextBlock","text":%s,"weight":"Bolder","size":"Medium","wrap":true},
				         {"type":"TextBlock","text":%s,"wrap":true}],
				 "actions":[{"type":"Action.OpenUrl","title":"Open in TLSWatch","url":%s}]}}]}""".formatted(s, t,
				q(LINK)));
		assertJson(awaitOne("/pd", token).body(), """
				{"routing_key":"pd-routing-key","dedup_key":"tlswatch-alert-%d","event_action":"trigger",
				 "payload":{"summary":%s,"source":"mx.example.com:25","severity":"critical","component":"tls",
				            "class":"tlswatch","custom_details":{"text":%s,"tags":["fmt"]}},
				 "client":"TLSWatch","client_url":%s,"links":[{"href":%s,"text":"Open in TLSWatch"}]}"""
			.formatted(alertId, s, t, q(LINK), q(LINK)));
		HttpReceiver.Request opsgenie = awaitOne("/og/v2/alerts", token);
		assertThat(opsgenie.header("Authorization")).isEqualTo("GenieKey og-key");
		assertJson(opsgenie.body(), """
				{"message":%s,"alias":"tlswatch-alert-%d","description":%s,"priority":"P1","source":"TLSWatch",
				 "tags":["fmt"],"entity":"mx.example.com:25","details":{"link":%s}}"""
			.formatted(q(ChannelPayloads.bound(subject, 130)), alertId, t, q(LINK)));
		assertJson(awaitOne("/tg/bot123456:ABC-def_ghi/sendMessage", token).body(), """
				{"chat_id":"-1001234567890","text":%s,"disable_web_page_preview":true}"""
			.formatted(q(subject + "\n\n" + text)));
		HttpReceiver.Request ntfy = awaitOne("/ntfy/", token);
		assertThat(ntfy.header("Authorization")).isEqualTo("Bearer tk_ntfy");
		assertJson(ntfy.body(), """
				{"topic":"tlswatch-alerts","title":%s,"message":%s,"priority":5,"tags":["tlswatch","critical"],
				 "click":%s}""".formatted(s, t, q(LINK)));
		HttpReceiver.Request gotify = awaitOne("/gotify/message", token);
		assertThat(gotify.header("X-Gotify-Key")).isEqualTo("gotify-app-token");
		assertJson(gotify.body(), """
				{"title":%s,"message":%s,"priority":8,"extras":{"client::notification":{"click":{"url":%s}}}}"""
			.formatted(s, t, q(LINK)));
		awaitAllSent("chan-" + token);
		assertThat(channelsOf("chan-" + token)).containsExactlyInAnyOrder("discord", "gotify", "hook", "mattermost",
				"ntfy", "og", "pd", "slack", "teams", "tg");
	}

	@Test
	void resolvedAlertResolvesThePagerDutyIncidentAndClosesTheOpsgenieAlert() throws Exception {
		String token = NotifierIntegrationTests.token();
		long alertId = ThreadLocalRandom.current().nextLong(1_000_000, Long.MAX_VALUE / 2);
		enqueue(new OutgoingMessage("resolve-" + token, "[TLSWatch] RESOLVED " + token, "resolved " + token, null,
				List.of(), Map.of(),
				new MessageContext(MessageSeverity.CRITICAL, List.of("fmt"), ENDPOINT, alertId, "RESOLVED", LINK)));

		Eventually.await(WAIT, "the PagerDuty resolve",
				() -> receiver.requests("/pd", "tlswatch-alert-" + alertId).size() == 1);
		assertJson(receiver.requests("/pd", "tlswatch-alert-" + alertId).get(0).body(), """
				{"routing_key":"pd-routing-key","dedup_key":"tlswatch-alert-%d","event_action":"resolve"}"""
			.formatted(alertId));
		String close = "/og/v2/alerts/tlswatch-alert-" + alertId + "/close?identifierType=alias";
		HttpReceiver.Request closed = awaitOne(close, token);
		assertThat(closed.header("Authorization")).isEqualTo("GenieKey og-key");
		assertJson(closed.body(), """
				{"source":"TLSWatch","note":%s}""".formatted(q("[TLSWatch] RESOLVED " + token)));
	}

	@Test
	void alertsAreRoutedByTagAndMinimumSeverity() {
		String token = NotifierIntegrationTests.token();

		enqueue(routed("warn-" + token, MessageSeverity.WARNING, "mail"));
		enqueue(routed("crit-" + token, MessageSeverity.CRITICAL, "web", "Mail"));
		enqueue(routed("other-" + token, MessageSeverity.CRITICAL, "web"));
		boolean again = Boolean.TRUE.equals(this.transactions
			.execute((status) -> this.notifier.enqueue(routed("crit-" + token, MessageSeverity.CRITICAL, "mail"))));

		assertThat(channelsOf("warn-" + token)).containsExactly("mailteam");
		assertThat(channelsOf("crit-" + token)).containsExactlyInAnyOrder("mailteam", "pager");
		assertThat(channelsOf("other-" + token)).isEmpty();
		assertThat(again).isFalse();
		awaitAllSent("crit-" + token);
		assertThat(receiver.requests("/mailteam", "crit-" + token)).hasSize(1);
		assertThat(receiver.requests("/pager", "tlswatch-crit-" + token)).hasSize(1);
	}

	@Test
	void failedChannelIsRetriedAloneWithTheSameSignedBody() throws Exception {
		String token = NotifierIntegrationTests.token();
		receiver.answer("/retry", List.of(503));

		enqueue(routed("retry-" + token, MessageSeverity.WARNING, "retry"));

		Eventually.await(WAIT, "the retry delivered", () -> sentCount("retry-" + token) == 1);
		List<HttpReceiver.Request> attempts = receiver.requests("/retry", token);
		assertThat(attempts).extracting(HttpReceiver.Request::status).containsExactly(503, 200);
		assertThat(attempts).extracting(HttpReceiver.Request::body).containsOnly(attempts.get(0).body());
		assertThat(attempts).extracting((request) -> request.header("Idempotency-Key"))
			.containsOnly(attempts.get(0).header("Idempotency-Key"));
		assertThat(attempts).extracting((request) -> request.header("X-TLSWatch-Signature"))
			.containsOnly("sha256=" + hmac("retry-secret", attempts.get(0).body()));
		assertThat(this.jdbc.sql("""
				select o.attempts from notify_outbox o join notify_message m on m.id = o.message_id
				where m.message_key = ?""").param("retry-" + token).query(Integer.class).list()).containsExactly(2);
	}

	@Test
	void dashboardChannelIsStoredRoutedTestedAndDeleted() throws Exception {
		String token = NotifierIntegrationTests.token();
		this.channels.save(new ChannelInput("Team-Chat", "slack", receiver.url("/dash"), "", "warning",
				"dash-" + token + ", other", "", ""));

		ChannelDefinition stored = this.channels.channels()
			.stream()
			.filter((channel) -> channel.name().equals("team-chat"))
			.findFirst()
			.orElseThrow();
		assertThat(stored.type()).isEqualTo(ChannelType.SLACK);
		assertThat(stored.minSeverity()).isEqualTo(MessageSeverity.WARNING);
		assertThat(stored.tags()).containsExactly("dash-" + token, "other");
		assertThat(stored.origin()).isEqualTo(ChannelDefinition.Origin.DASHBOARD);

		ChannelTestResult test = this.channels.sendTest("team-chat");
		assertThat(test.sent()).isTrue();
		assertThat(receiver.requests("/dash", "TLSWatch test message")).hasSize(1);

		enqueue(routed("dash-" + token, MessageSeverity.CRITICAL, "dash-" + token));
		awaitAllSent("dash-" + token);
		assertThat(channelsOf("dash-" + token)).containsExactly("team-chat");
		assertThat(receiver.requests("/dash", token)).hasSize(1);

		this.channels.delete("team-chat");
		assertThat(this.channels.channels()).extracting(ChannelDefinition::name).doesNotContain("team-chat");
	}

	@Test
	void blankSecretKeepsTheStoredOneAndFailedTestSaysWhyWithoutIt() {
		this.channels.save(new ChannelInput("kept", "GOTIFY", receiver.url("/kept"), "kept-token", "INFO",
				"never-used-tag", "", ""));
		receiver.answer("/kept/message", List.of(401));

		this.channels.save(
				new ChannelInput("kept", "GOTIFY", receiver.url("/kept"), "  ", "CRITICAL", "never-used-tag", "", ""));
		ChannelTestResult test = this.channels.sendTest("kept");

		assertThat(this.channels.channels()).filteredOn((channel) -> channel.name().equals("kept"))
			.singleElement()
			.satisfies((channel) -> {
				assertThat(channel.secret()).isEqualTo("kept-token");
				assertThat(channel.minSeverity()).isEqualTo(MessageSeverity.CRITICAL);
			});
		assertThat(test.sent()).isFalse();
		assertThat(test.error()).isEqualTo("GOTIFY channel 'kept' (" + receiver.url("") + ") answered HTTP 401")
			.doesNotContain("kept-token");
	}

	@Test
	void channelCannotPointAtCloudMetadataOrTakeAConfiguredName() {
		assertThatExceptionOfType(InvalidChannelException.class)
			.isThrownBy(() -> this.channels.save(new ChannelInput("meta", "WEBHOOK",
					"http://169.254.169.254/latest/meta-data/", "", "INFO", "", "", "")))
			.satisfies((ex) -> assertThat(ex.getField()).isEqualTo("url"))
			.withMessageContaining("scan target policy")
			.withMessageContaining("cloud metadata");
		assertThatExceptionOfType(InvalidChannelException.class)
			.isThrownBy(() -> this.channels.save(new ChannelInput("gce", "SLACK",
					"http://metadata.google.internal/computeMetadata/v1/", "", "INFO", "", "", "")))
			.satisfies((ex) -> assertThat(ex.getField()).isEqualTo("url"));
		assertThatExceptionOfType(InvalidChannelException.class)
			.isThrownBy(() -> this.channels.save(new ChannelInput("pd2", "PAGERDUTY", "", "", "INFO", "", "", "")))
			.satisfies((ex) -> assertThat(ex.getField()).isEqualTo("secret"));
		assertThatExceptionOfType(ChannelConflictException.class).isThrownBy(() -> this.channels
			.save(new ChannelInput("hook", "SLACK", receiver.url("/x"), "", "INFO", "", "", "")));
		assertThatExceptionOfType(ChannelNotFoundException.class).isThrownBy(() -> this.channels.delete("nothing"));
		assertThat(this.channels.channels()).extracting(ChannelDefinition::name).doesNotContain("meta", "gce", "pd2");
	}

	@Test
	void settingsPageAddsTestsChangesAndDeletesAChannel() throws Exception {
		String token = NotifierIntegrationTests.token();
		this.mvc
			.perform(post("/settings/channels").param("name", "page-hook")
				.param("type", "WEBHOOK")
				.param("url", receiver.url("/page-hook"))
				.param("secret", "page-secret")
				.param("minSeverity", "CRITICAL")
				.param("tags", "page-" + token)
				.param("to", "")
				.param("chatId", "")
				.with(csrf()))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/settings#channels"));
		String page = this.mvc.perform(get("/settings"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page)
			.contains("id=\"channel-page-hook\"", "id=\"channel-mail\"", "id=\"channel-pd\"",
					"action=\"/settings/channels/page-hook/test\"", "(secret set)")
			.doesNotContain("page-secret", "pd-routing-key");

		this.mvc.perform(post("/settings/channels/page-hook/test").with(csrf())).andExpect(status().isFound());
		HttpReceiver.Request test = awaitOne("/page-hook", "TLSWatch test message");
		assertThat(test.header("X-TLSWatch-Signature")).isEqualTo("sha256=" + hmac("page-secret", test.body()));
		String edit = this.mvc.perform(get("/settings/channels/page-hook/edit"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(edit).contains("Change the channel page-hook", "value=\"" + receiver.url("/page-hook") + "\"")
			.doesNotContain("page-secret");
		this.mvc.perform(post("/settings/channels/page-hook/delete").with(csrf())).andExpect(status().isFound());
		this.mvc.perform(post("/settings/channels/hook/delete").with(csrf())).andExpect(status().isConflict());
		this.mvc.perform(post("/settings/channels/page-hook/test").with(csrf())).andExpect(status().isNotFound());
		assertThat(this.channels.channels()).extracting(ChannelDefinition::name).doesNotContain("page-hook");
	}

	private OutgoingMessage routed(String key, MessageSeverity severity, String... tags) {
		return new OutgoingMessage(key, "Routed " + key, "text of " + key, null, List.of(), Map.of(),
				new MessageContext(severity, List.of(tags), ENDPOINT, null, "OPEN", LINK));
	}

	private void enqueue(OutgoingMessage message) {
		this.transactions.execute((status) -> this.notifier.enqueue(message));
	}

	private HttpReceiver.Request awaitOne(String path, String token) {
		Eventually.await(WAIT, "a request to " + path, () -> !receiver.requests(path, token).isEmpty());
		List<HttpReceiver.Request> requests = receiver.requests(path, token);
		assertThat(requests).hasSize(1);
		return requests.get(0);
	}

	private List<String> channelsOf(String key) {
		return this.jdbc.sql("""
				select o.channel_name from notify_outbox o join notify_message m on m.id = o.message_id
				where m.message_key = ?""").param(key).query(String.class).list();
	}

	private long sentCount(String key) {
		return this.jdbc.sql("""
				select count(*) from notify_outbox o join notify_message m on m.id = o.message_id
				where m.message_key = ? and o.status = 'SENT'""").param(key).query(Long.class).single();
	}

	private void awaitAllSent(String key) {
		Eventually.await(WAIT, "every delivery of " + key + " sent", () -> this.jdbc.sql("""
				select count(*) from notify_outbox o join notify_message m on m.id = o.message_id
				where m.message_key = ? and o.status <> 'SENT'""").param(key).query(Long.class).single() == 0);
	}

	private static void assertJson(String actual, String expected) {
		JsonNode actualTree = json.readTree(actual);
		assertThat(actualTree).as(actual).isEqualTo(json.readTree(expected));
	}

	/** A JSON string literal. */
	private static String q(String text) {
		return json.writeValueAsString(text);
	}

	/** HMAC-SHA256 as a receiver computes it to check {@code X-TLSWatch-Signature}. */
	static String hmac(String secret, String body) throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
	}

}
