package dev.tlswatch.metrics;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.tlswatch.account.Accounts;
import dev.tlswatch.account.ApiTokens;
import dev.tlswatch.account.Role;
import dev.tlswatch.endpoint.EndpointDetails;
import dev.tlswatch.endpoint.EndpointDraft;
import dev.tlswatch.endpoint.Endpoints;
import dev.tlswatch.endpoint.TlsMode;
import dev.tlswatch.finding.EndpointStatus;
import dev.tlswatch.finding.Findings;
import dev.tlswatch.finding.VerdictFeed;
import dev.tlswatch.scan.ScanDetails;
import dev.tlswatch.scan.ScanKind;
import dev.tlswatch.scan.Scans;
import dev.tlswatch.support.Eventually;
import dev.tlswatch.support.IntegrationTest;
import dev.tlswatch.support.TestCertificates;
import dev.tlswatch.support.TestCertificates.Issued;
import dev.tlswatch.support.TestTcpServer;
import dev.tlswatch.support.TestTlsServer;
import dev.tlswatch.support.TestTrustBundle;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The {@code tlswatch_*} meters at {@code /actuator/prometheus} after real scans of real
 * servers: names, labels and values, removal on delete, loading from the database, and
 * who may scrape.
 */
@IntegrationTest
class MetricsIntegrationTests {

	private static final Duration WAIT = Duration.ofSeconds(20);

	@Autowired
	private Endpoints endpoints;

	@Autowired
	private Scans scans;

	@Autowired
	private Findings findings;

	@Autowired
	private VerdictFeed verdicts;

	@Autowired
	private MockMvc mvc;

	@Autowired
	private WebApplicationContext context;

	@Autowired
	private Accounts accounts;

	@Autowired
	private ApiTokens tokens;

	@Test
	void aScanOfAHealthyServerShowsItsExpiryUpStatusAndGrade() throws Exception {
		Issued leaf = TestCertificates.localhost(TestTrustBundle.ca());
		double scansBefore = value(scrape(), "tlswatch_scans_total", Map.of("kind", "FULL", "outcome", "OK")).orElse(0);
		double durationsBefore = value(scrape(), "tlswatch_scan_duration_seconds_count", Map.of("kind", "FULL"))
			.orElse(0);
		try (TestTlsServer server = TestTlsServer.presenting(leaf.key(), leaf.chainWithoutRoot())
			.protocols("TLSv1.2", "TLSv1.3")
			.start()) {
			EndpointDetails endpoint = register("127.0.0.1", server.port(), "localhost");
			ScanDetails scan = this.scans.scanNow(endpoint.id());
			Map<String, String> labels = labels(endpoint, "127.0.0.1");

			Eventually.await(WAIT, "the endpoint's gauges",
					() -> value(scrape(), "tlswatch_endpoint_up", labels).isPresent());
			String text = scrape();

			long earliest = leaf.chainWithoutRoot()
				.stream()
				.mapToLong((certificate) -> certificate.getNotAfter().toInstant().getEpochSecond())
				.min()
				.orElseThrow();
			assertThat(earliest)
				.isEqualTo(((X509Certificate) leaf.certificate()).getNotAfter().toInstant().getEpochSecond());
			assertThat(value(text, "tlswatch_certificate_expiry_timestamp_seconds", labels)).hasValue(earliest);
			assertThat(value(text, "tlswatch_endpoint_up", labels)).hasValue(1);
			EndpointStatus verdict = this.findings.statusOf(List.of(endpoint.id())).get(endpoint.id());
			assertThat(value(text, "tlswatch_endpoint_status", labels)).hasValue(statusNumber(verdict));
			String grade = scan.results().get(0).grade().letter().displayName();
			assertThat(value(text, "tlswatch_endpoint_grade", labels)).hasValue(gradeNumber(grade));
			assertThat(value(text, "tlswatch_scans_total", Map.of("kind", "FULL", "outcome", "OK")))
				.hasValue(scansBefore + 1);
			assertThat(value(text, "tlswatch_scan_duration_seconds_count", Map.of("kind", "FULL")))
				.hasValue(durationsBefore + 1);
			assertThat(text).contains("tlswatch_scan_duration_seconds_bucket{");
			assertThat(value(text, "tlswatch_alerts_open", Map.of("severity", "CRITICAL"))).isPresent();
			assertThat(value(text, "tlswatch_scheduler_lag_seconds", Map.of())).isPresent();
			Eventually.await(WAIT, "the outbox gauge",
					() -> value(scrape(), "tlswatch_outbox_pending", Map.of("channel", "mail")).isPresent());
		}
	}

	@Test
	void aQuickCheckIsCountedAsQuick() throws Exception {
		Issued leaf = TestCertificates.localhost(TestTrustBundle.ca());
		try (TestTlsServer server = TestTlsServer.start(leaf)) {
			EndpointDetails endpoint = register("127.0.0.1", server.port(), "localhost");
			this.scans.scanNow(endpoint.id());
			double quickBefore = value(scrape(), "tlswatch_scans_total", Map.of("kind", "QUICK", "outcome", "OK"))
				.orElse(0);

			ScanDetails quick = this.scans.scanNow(endpoint.id(), ScanKind.QUICK);

			assertThat(quick.kind()).isEqualTo(ScanKind.QUICK);
			Eventually.await(WAIT, "the quick scan counted",
					() -> value(scrape(), "tlswatch_scans_total", Map.of("kind", "QUICK", "outcome", "OK"))
						.orElse(0) == quickBefore + 1);
			assertThat(value(scrape(), "tlswatch_scan_duration_seconds_count", Map.of("kind", "QUICK"))).isPresent();
		}
	}

	@Test
	void anUnreachableEndpointIsDownAndCriticalWithoutExpiry() throws Exception {
		EndpointDetails endpoint = register("127.0.0.1", TestTcpServer.refusedPort(), null);
		this.scans.scanNow(endpoint.id());
		Map<String, String> labels = labels(endpoint, "127.0.0.1");

		Eventually.await(WAIT, "the endpoint's gauges",
				() -> value(scrape(), "tlswatch_endpoint_up", labels).isPresent());
		String text = scrape();

		assertThat(value(text, "tlswatch_endpoint_up", labels)).hasValue(0);
		assertThat(value(text, "tlswatch_endpoint_status", labels)).hasValue(2);
		assertThat(value(text, "tlswatch_certificate_expiry_timestamp_seconds", labels)).isEmpty();
		assertThat(value(text, "tlswatch_endpoint_grade", labels)).isEmpty();
		assertThat(value(text, "tlswatch_scans_total", Map.of("kind", "FULL", "outcome", "CONNECTION_REFUSED")))
			.isPresent();
	}

	@Test
	void deletingAnEndpointRemovesItsSeries() throws Exception {
		EndpointDetails endpoint = register("127.0.0.1", TestTcpServer.refusedPort(), null);
		this.scans.scanNow(endpoint.id());
		Map<String, String> labels = labels(endpoint, "127.0.0.1");
		Eventually.await(WAIT, "the endpoint's gauges",
				() -> value(scrape(), "tlswatch_endpoint_up", labels).isPresent());

		this.endpoints.delete(endpoint.id());

		Eventually.await(WAIT, "the series to go", () -> !scrape().contains("endpoint_id=\"" + endpoint.id() + "\""));
	}

	@Test
	void theSnapshotIsLoadedFromTheDatabase() throws Exception {
		EndpointDetails endpoint = register("127.0.0.1", TestTcpServer.refusedPort(), null);
		ScanDetails scan = this.scans.scanNow(endpoint.id());
		// Judging runs after the scan's commit, in its own transaction
		assertThat(this.findings.awaitJudged(scan.id(), Duration.ofSeconds(30))).isTrue();
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		EndpointGauges gauges = new EndpointGauges(registry);
		SnapshotUpdater updater = new SnapshotUpdater(gauges, this.endpoints, this.scans, this.findings, this.verdicts,
				Clock.systemUTC());

		updater.loadOnce();

		assertThat(updater.loaded()).isTrue();
		assertThat(registry.find(EndpointGauges.UP).tag("endpoint_id", Long.toString(endpoint.id())).gauge())
			.isNotNull()
			.satisfies((gauge) -> assertThat(gauge.value()).isZero());
		assertThat(registry.find(EndpointGauges.STATUS).tag("endpoint_id", Long.toString(endpoint.id())).gauge())
			.isNotNull()
			.satisfies((gauge) -> assertThat(gauge.value()).isEqualTo(2));
	}

	@Test
	void scansJudgedOnAnotherNodeAreCaughtUpFromTheStoredVerdicts() throws Exception {
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		EndpointGauges gauges = new EndpointGauges(registry);
		SnapshotUpdater otherNode = new SnapshotUpdater(gauges, this.endpoints, this.scans, this.findings,
				this.verdicts, Clock.systemUTC());
		otherNode.loadOnce();
		EndpointDetails endpoint = register("127.0.0.1", TestTcpServer.refusedPort(), null);

		ScanDetails scan = this.scans.scanNow(endpoint.id());
		assertThat(this.findings.awaitJudged(scan.id(), Duration.ofSeconds(30))).isTrue();
		otherNode.catchUp();

		assertThat(gauges.shownScan(endpoint.id())).isEqualTo(scan.id());
		assertThat(registry.find(EndpointGauges.UP).tag("endpoint_id", Long.toString(endpoint.id())).gauge())
			.isNotNull()
			.satisfies((gauge) -> assertThat(gauge.value()).isZero());
	}

	@Test
	void aViewerMayScrapeAndAnonymousMayNot() throws Exception {
		String username = "metrics-viewer";
		if (this.accounts.find(username).isEmpty()) {
			this.accounts.create(username, "metrics-viewer-password", Role.VIEWER);
		}
		String token = this.tokens.create(username, "prometheus", Role.VIEWER, null).token();
		MockMvc anonymous = MockMvcBuilders.webAppContextSetup(this.context).apply(springSecurity()).build();

		anonymous.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
		anonymous.perform(get("/actuator/prometheus").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
			.andExpect(status().isOk());
		anonymous.perform(get("/actuator/prometheus")
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
				.httpBasic(username, "metrics-viewer-password")))
			.andExpect(status().isOk());
		anonymous.perform(get("/actuator/env").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
			.andExpect(status().isForbidden());
	}

	private String scrape() {
		try {
			return this.mvc.perform(get("/actuator/prometheus"))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString();
		}
		catch (Exception ex) {
			throw new IllegalStateException("Unable to scrape /actuator/prometheus", ex);
		}
	}

	/**
	 * The value of the one sample of a metric whose labels include the given ones.
	 */
	static OptionalDouble value(String exposition, String name, Map<String, String> labels) {
		Pattern line = Pattern.compile("^" + Pattern.quote(name) + "(\\{[^}]*\\})? (\\S+)$", Pattern.MULTILINE);
		Matcher matcher = line.matcher(exposition);
		while (matcher.find()) {
			String found = (matcher.group(1) != null) ? matcher.group(1) : "";
			boolean all = labels.entrySet()
				.stream()
				.allMatch((label) -> found.contains(label.getKey() + "=\"" + label.getValue() + "\""));
			if (all) {
				return OptionalDouble.of(Double.parseDouble(matcher.group(2)));
			}
		}
		return OptionalDouble.empty();
	}

	private static Map<String, String> labels(EndpointDetails endpoint, String address) {
		return Map.of("endpoint_id", Long.toString(endpoint.id()), "host", endpoint.host(), "port",
				Integer.toString(endpoint.port()), "address", address);
	}

	private static double statusNumber(EndpointStatus status) {
		return switch (status) {
			case OK -> 0;
			case WARNING -> 1;
			default -> 2;
		};
	}

	private static double gradeNumber(String letter) {
		List<String> scale = List.of("T", "F", "E", "D", "C", "B", "A-", "A", "A+");
		return letter.equals("M") ? 0 : scale.indexOf(letter);
	}

	private EndpointDetails register(String host, int port, String sniName) {
		return this.endpoints.register(new EndpointDraft(host, port, TlsMode.IMPLICIT, sniName, 60, List.of(), false));
	}

}
