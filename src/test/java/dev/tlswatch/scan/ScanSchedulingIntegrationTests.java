package dev.tlswatch.scan;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import dev.tlswatch.TlsWatchApplication;
import dev.tlswatch.endpoint.EndpointDetails;
import dev.tlswatch.endpoint.EndpointDraft;
import dev.tlswatch.endpoint.Endpoints;
import dev.tlswatch.endpoint.TlsMode;
import dev.tlswatch.support.Eventually;
import dev.tlswatch.support.IntegrationTest;
import dev.tlswatch.support.TestTcpServer;
import dev.tlswatch.support.TestSmtp;
import dev.tlswatch.support.TestTrustBundle;
import dev.tlswatch.support.UniqueSchedulerNames;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scheduled scans: Quartz really fires them, on exactly one node of a cluster, once after
 * downtime, and not at all for deleted or disabled endpoints.
 */
@IntegrationTest
class ScanSchedulingIntegrationTests {

	private static final Duration FIRING_WAIT = Duration.ofSeconds(30);

	@Autowired
	private Endpoints endpoints;

	@Autowired
	private ScanScheduler scanScheduler;

	@Autowired
	private Scheduler scheduler;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private DataSource dataSource;

	@Test
	void registeringAnEndpointScansItRightAwayAndKeepsItsJobInTheDatabase() throws Exception {
		EndpointDetails endpoint = register(TestTcpServer.refusedPort(), true);

		Eventually.await(FIRING_WAIT, "the first scheduled scan", () -> scanCount(endpoint) >= 1);

		assertThat(this.jdbc.queryForObject("select trigger from scan where endpoint_id = ? limit 1", String.class,
				endpoint.id()))
			.isEqualTo("SCHEDULED");
		assertThat(
				this.jdbc.queryForObject("select is_durable from qrtz_job_details where job_name = ? and job_group = ?",
						Boolean.class, ScanScheduler.jobKey(endpoint.id()).getName(), ScanScheduler.GROUP))
			.isTrue();
	}

	@Test
	void triggerRepeatsAtItsInterval() throws Exception {
		EndpointDetails endpoint = registerAndAwaitFirstScan();

		this.scanScheduler.reschedule(endpoint.id(), Duration.ofSeconds(1), Instant.now());

		Eventually.await(FIRING_WAIT, "three more scheduled scans", () -> scanCount(endpoint) >= 4);
	}

	@Test
	void missedFiringsRunOnceAfterDowntime() throws Exception {
		EndpointDetails endpoint = registerAndAwaitFirstScan();

		// As if the whole cluster had been down for ten intervals.
		this.scanScheduler.reschedule(endpoint.id(), Duration.ofMinutes(1),
				Instant.now().minus(Duration.ofMinutes(10)));

		Eventually.await(FIRING_WAIT, "the catch-up scan", () -> scanCount(endpoint) >= 2);
		Thread.sleep(3000);
		assertThat(scanCount(endpoint)).isEqualTo(2);
	}

	@Test
	void disabledEndpointIsNotScanned() throws Exception {
		EndpointDetails endpoint = register(TestTcpServer.refusedPort(), false);

		assertThat(this.scheduler.checkExists(ScanScheduler.jobKey(endpoint.id()))).isTrue();
		assertThat(this.scheduler.checkExists(ScanScheduler.triggerKey(endpoint.id()))).isFalse();
		// Even a trigger left over from before it was disabled does not scan it.
		this.scanScheduler.reschedule(endpoint.id(), Duration.ofMinutes(1), Instant.now());
		Eventually.await(FIRING_WAIT, "the trigger fired", () -> hasFired(endpoint));
		Thread.sleep(2000);
		assertThat(scanCount(endpoint)).isZero();
	}

	@Test
	void deletedEndpointLeavesNoJob() throws Exception {
		EndpointDetails endpoint = register(TestTcpServer.refusedPort(), true);
		assertThat(this.scheduler.checkExists(ScanScheduler.jobKey(endpoint.id()))).isTrue();

		this.endpoints.delete(endpoint.id());

		assertThat(this.scheduler.checkExists(ScanScheduler.jobKey(endpoint.id()))).isFalse();
		assertThat(this.scheduler.checkExists(ScanScheduler.triggerKey(endpoint.id()))).isFalse();
	}

	@Test
	void secondNodeSharingTheDatabaseNeverRunsTheSameFiringTwice() throws Exception {
		Process secondNode = startSecondNode();
		String cluster = this.scheduler.getSchedulerName();
		try {
			Eventually.await(FIRING_WAIT, "both nodes checked in",
					() -> this.jdbc.queryForObject("select count(*) from qrtz_scheduler_state where sched_name = ?",
							Integer.class, cluster) >= 2);

			List<EndpointDetails> registered = IntStream.range(0, 6)
				.mapToObj((i) -> register(TestTcpServer.refusedPort(), true))
				.toList();

			Eventually.await(FIRING_WAIT, "one scan of every endpoint",
					() -> registered.stream().allMatch((endpoint) -> scanCount(endpoint) >= 1));
			Thread.sleep(5000);
			Map<Long, Integer> counts = registered.stream()
				.collect(Collectors.toMap(EndpointDetails::id, this::scanCount));
			assertThat(counts).allSatisfy((id, count) -> assertThat(count).as("scans of endpoint %d", id).isEqualTo(1));
		}
		finally {
			secondNode.destroy();
			secondNode.waitFor(30, TimeUnit.SECONDS);
		}
	}

	@Test
	void aFiringOfANodeKilledMidScanIsRecoveredByAnotherAndStoredOnce() throws Exception {
		String cluster = this.scheduler.getSchedulerName();
		String thisNode = this.scheduler.getSchedulerInstanceId();
		// This node stands aside so that the other one takes the firing.
		this.scheduler.standby();
		Process secondNode = null;
		try (TestTcpServer tarpit = TestTcpServer.hanging()) {
			// The second node waits in the tarpit for minutes: it is killed mid-scan.
			secondNode = startSecondNode("--tlswatch.scan.handshake-timeout=10m",
					"--tlswatch.scan.connect-timeout=10m");
			Eventually.await(FIRING_WAIT, "both nodes checked in",
					() -> this.jdbc.queryForObject("select count(*) from qrtz_scheduler_state where sched_name = ?",
							Integer.class, cluster) >= 2);
			EndpointDetails endpoint = register(tarpit.port(), true);
			Eventually.await(FIRING_WAIT, "the second node scanning into the tarpit",
					() -> tarpit.acceptedConnections() >= 1 && executingElsewhere(endpoint, cluster, thisNode));

			secondNode.destroyForcibly();
			assertThat(secondNode.waitFor(30, TimeUnit.SECONDS)).isTrue();
			tarpit.close();
			assertThat(scanCount(endpoint)).isZero();
			this.scheduler.start();

			Eventually.await(Duration.ofSeconds(90), "the recovered firing's scan", () -> scanCount(endpoint) >= 1);
			Eventually.await(FIRING_WAIT, "no firing of the endpoint left running or to recover",
					() -> firedTriggers(endpoint, cluster) == 0);
			assertThat(scanCount(endpoint)).isEqualTo(1);
			assertThat(this.jdbc.queryForObject("select trigger from scan where endpoint_id = ?", String.class,
					endpoint.id()))
				.isEqualTo("SCHEDULED");
		}
		finally {
			if (secondNode != null && secondNode.isAlive()) {
				secondNode.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
			}
			if (this.scheduler.isInStandbyMode()) {
				this.scheduler.start();
			}
		}
	}

	private boolean executingElsewhere(EndpointDetails endpoint, String cluster, String thisNode) {
		Integer executing = this.jdbc.queryForObject(
				"select count(*) from qrtz_fired_triggers where sched_name = ? and job_name = ? and job_group = ?"
						+ " and state = 'EXECUTING' and instance_name <> ?",
				Integer.class, cluster, ScanScheduler.jobKey(endpoint.id()).getName(),
				ScanScheduler.jobKey(endpoint.id()).getGroup(), thisNode);
		return executing > 0;
	}

	private int firedTriggers(EndpointDetails endpoint, String cluster) {
		return this.jdbc.queryForObject(
				"select count(*) from qrtz_fired_triggers where sched_name = ? and job_name = ? and job_group = ?",
				Integer.class, cluster, ScanScheduler.jobKey(endpoint.id()).getName(),
				ScanScheduler.jobKey(endpoint.id()).getGroup());
	}

	/**
	 * Another TLSWatch instance in its own JVM (Quartz keeps its connection providers in
	 * JVM-wide state, so two nodes in one JVM would not be two nodes), sharing the
	 * database.
	 */
	private Process startSecondNode(String... extraArguments) throws Exception {
		HikariDataSource pool = this.dataSource.unwrap(HikariDataSource.class);
		String java = ProcessHandle.current().info().command().orElseThrow();
		List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
				TlsWatchApplication.class.getName(), "--spring.main.web-application-type=none",
				"--spring.profiles.active=test", "--spring.datasource.url=" + pool.getJdbcUrl(),
				"--spring.datasource.username=" + pool.getUsername(),
				"--spring.datasource.password=" + Objects.toString(pool.getPassword(), ""),
				// The same cluster as this test's node
				"--" + UniqueSchedulerNames.PROPERTY + "=" + this.scheduler.getSchedulerName(),
				"--tlswatch.test.smtp-port=" + TestSmtp.PORT,
				"--tlswatch.scan.trust-bundle=" + TestTrustBundle.file()));
		command.addAll(List.of(extraArguments));
		Process node = new ProcessBuilder(command).redirectErrorStream(true).start();
		awaitStarted(node);
		return node;
	}

	private static void drain(BufferedReader output) {
		try {
			while (output.readLine() != null) {
				// Discard: the node's log is not under test.
			}
		}
		catch (IOException ex) {
			// The node was stopped; its output ends here.
		}
	}

	private static void awaitStarted(Process node) throws Exception {
		BufferedReader output = new BufferedReader(
				new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8));
		StringBuilder seen = new StringBuilder();
		String line;
		while ((line = output.readLine()) != null) {
			seen.append(line).append('\n');
			if (line.contains("Started TlsWatchApplication")) {
				// Keep draining its output so that the node never blocks on a full pipe.
				Thread.ofVirtual().start(() -> drain(output));
				return;
			}
		}
		throw new IllegalStateException("Second node ended before it started:\n" + seen);
	}

	private EndpointDetails registerAndAwaitFirstScan() {
		EndpointDetails endpoint = register(TestTcpServer.refusedPort(), true);
		Eventually.await(FIRING_WAIT, "the first scheduled scan", () -> scanCount(endpoint) >= 1);
		return endpoint;
	}

	private boolean hasFired(EndpointDetails endpoint) {
		Integer fired = this.jdbc.queryForObject(
				"select count(*) from qrtz_triggers where trigger_name = ? and trigger_group = ? and prev_fire_time > 0",
				Integer.class, ScanScheduler.triggerKey(endpoint.id()).getName(), ScanScheduler.GROUP);
		return fired > 0;
	}

	private int scanCount(EndpointDetails endpoint) {
		return this.jdbc.queryForObject("select count(*) from scan where endpoint_id = ?", Integer.class,
				endpoint.id());
	}

	private EndpointDetails register(int port, boolean enabled) {
		return this.endpoints.register(new EndpointDraft("127.0.0.1", port, TlsMode.IMPLICIT,
				"node" + System.nanoTime() + ".example", 60, List.of(), enabled));
	}

}
