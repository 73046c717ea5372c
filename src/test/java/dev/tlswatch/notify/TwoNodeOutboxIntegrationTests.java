package dev.tlswatch.notify;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import dev.tlswatch.TlsWatchApplication;
import dev.tlswatch.support.Eventually;
import dev.tlswatch.support.IntegrationTest;
import dev.tlswatch.support.TestResolver;
import dev.tlswatch.support.TestMailServer;
import dev.tlswatch.support.TestSmtp;
import dev.tlswatch.support.UniqueSchedulerNames;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two application instances on one database drain one outbox: a second Spring context
 * (another Quartz cluster node, another connection pool) joins the test context, both
 * queue messages and drain at the same time, and every message is mailed exactly once.
 */
@IntegrationTest
class TwoNodeOutboxIntegrationTests {

	static final int PER_NODE = 30;

	private static final TestMailServer smtp = new TestMailServer();

	@Autowired
	private JdbcConnectionDetails database;

	@Autowired
	private Notifier notifier;

	@Autowired
	private OutboxDrainer drainer;

	@Autowired
	private TransactionTemplate transactions;

	@Autowired
	private JdbcClient jdbc;

	@BeforeAll
	static void startSmtp() {
		smtp.start();
	}

	@AfterAll
	static void stopSmtp() {
		smtp.stop();
	}

	@Test
	void twoNodesDrainingOneOutboxSendEachMessageExactlyOnce() throws Exception {
		String token = NotifierIntegrationTests.token();
		try (ConfigurableApplicationContext second = startSecondNode()) {
			List<Node> nodes = List.of(new Node(this.notifier, this.transactions, this.drainer),
					new Node(second.getBean(Notifier.class), second.getBean(TransactionTemplate.class),
							second.getBean(OutboxDrainer.class)));

			raceBothNodes(nodes, token);

			Eventually.await(Duration.ofSeconds(60), "every message of both nodes sent", () -> unsent(token) == 0);
		}
		List<MimeMessage> received = smtp.received(NotifierIntegrationTests.OPS, token);
		Map<String, Long> copies = received.stream()
			.collect(Collectors.groupingBy(TestMailServer::subject, Collectors.counting()));
		assertThat(received).hasSize(2 * PER_NODE);
		assertThat(copies).hasSize(2 * PER_NODE).allSatisfy((subject, count) -> assertThat(count).isOne());
		assertThat(received).extracting(MimeMessage::getMessageID).doesNotHaveDuplicates();
		// Nothing failed, so no row needed a second attempt.
		assertThat(this.jdbc
			.sql("select max(o.attempts) from notify_outbox o join notify_message m "
					+ "on m.id = o.message_id where m.message_key like ?")
			.param(token + "-%")
			.query(Integer.class)
			.single()).isOne();
	}

	/**
	 * Each node queues its messages in one transaction, whose commit starts a drain on
	 * that node; meanwhile two threads per node drain as well, released together.
	 */
	private void raceBothNodes(List<Node> nodes, String token) throws Exception {
		ExecutorService threads = Executors.newFixedThreadPool(6);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<?>> work = new ArrayList<>();
			for (int n = 0; n < nodes.size(); n++) {
				Node node = nodes.get(n);
				int first = n * PER_NODE;
				work.add(threads.submit(() -> {
					start.await();
					node.transactions()
						.executeWithoutResult((status) -> IntStream.range(first, first + PER_NODE)
							.forEach((i) -> node.notifier().enqueue(NotifierIntegrationTests.text(token + "-" + i))));
					return null;
				}));
				for (int t = 0; t < 2; t++) {
					work.add(threads.submit(() -> {
						start.await();
						for (int round = 0; round < 20 && unsent(token) != 0; round++) {
							node.drainer().drain();
						}
						return null;
					}));
				}
			}
			start.countDown();
			for (Future<?> future : work) {
				future.get(120, TimeUnit.SECONDS);
			}
		}
		finally {
			threads.shutdownNow();
		}
	}

	private long unsent(String token) {
		return this.jdbc
			.sql("select count(*) from notify_message m left join notify_outbox o on o.message_id = m.id "
					+ "where m.message_key like ? and (o.id is null or o.status <> 'SENT')")
			.param(token + "-%")
			.query(Long.class)
			.single()
				+ (2L * PER_NODE - this.jdbc.sql("select count(*) from notify_message where message_key like ?")
					.param(token + "-%")
					.query(Long.class)
					.single());
	}

	/**
	 * Another instance of the application on the test database: the test profile, without
	 * web server, with the test resolver (its scan jobs must not reach real DNS), and
	 * without the test sources' configurations (such as fixed clocks), which only test
	 * contexts filter out by themselves.
	 */
	private ConfigurableApplicationContext startSecondNode() {
		JdbcConnectionDetails db = this.database;
		return new SpringApplicationBuilder(TlsWatchApplication.class).web(WebApplicationType.NONE)
			.profiles("test")
			.initializers((context) -> {
				GenericApplicationContext generic = (GenericApplicationContext) context;
				generic.getBeanFactory()
					.registerSingleton("excludeTestConfigurations", new ExcludeTestConfigurations());
				generic.registerBean(TestResolver.class, TestResolver::new);
				generic.registerBean("secondNodeDatabase", JdbcConnectionDetails.class, () -> db);
			})
			// A scheduler name of its own: Quartz keeps connection providers by name,
			// JVM-wide, and this node is closed before the test's context is
			.run("--spring.application.name=tlswatch-second-node",
					"--" + UniqueSchedulerNames.PROPERTY + "=tlswatch-second-node",
					"--tlswatch.test.smtp-port=" + TestSmtp.PORT);
	}

	/**
	 * One application instance's notify beans.
	 *
	 * @param notifier its notifier
	 * @param transactions its transactions
	 * @param drainer its outbox drainer
	 */
	record Node(Notifier notifier, TransactionTemplate transactions, OutboxDrainer drainer) {
	}

	/** Leaves {@code @TestConfiguration} classes of the test sources out of the scan. */
	static final class ExcludeTestConfigurations extends TypeExcludeFilter {

		@Override
		public boolean match(MetadataReader reader, MetadataReaderFactory factory) throws IOException {
			return reader.getAnnotationMetadata().hasAnnotation(TestConfiguration.class.getName());
		}

		@Override
		public boolean equals(Object other) {
			return other != null && other.getClass() == getClass();
		}

		@Override
		public int hashCode() {
			return getClass().hashCode();
		}

	}

}
