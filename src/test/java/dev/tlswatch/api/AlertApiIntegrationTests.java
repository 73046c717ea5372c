package dev.tlswatch.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import dev.tlswatch.alert.AlertDetails;
import dev.tlswatch.alert.AlertRule;
import dev.tlswatch.alert.Alerts;
import dev.tlswatch.endpoint.EndpointDetails;
import dev.tlswatch.endpoint.EndpointDraft;
import dev.tlswatch.endpoint.Endpoints;
import dev.tlswatch.endpoint.TlsMode;
import dev.tlswatch.finding.EndpointStatus;
import dev.tlswatch.finding.ExpiryPolicy;
import dev.tlswatch.finding.ExpiryThreshold;
import dev.tlswatch.finding.ScanJudge;
import dev.tlswatch.finding.ScanJudged;
import dev.tlswatch.probe.CertificateInfo;
import dev.tlswatch.probe.HandshakeOutcome;
import dev.tlswatch.probe.TrustStatus;
import dev.tlswatch.scan.AddressResult;
import dev.tlswatch.scan.ChainReportDetails;
import dev.tlswatch.scan.ScanDetails;
import dev.tlswatch.scan.ScanTrigger;
import dev.tlswatch.support.TestAdmin;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The alert routes: alerts raised by judged scans on the real database, filtered,
 * acknowledged and muted; and the alert settings with their validation.
 */
@ApiIntegrationTest
class AlertApiIntegrationTests {

	private static final AtomicLong scanIds = new AtomicLong(2_000_000);

	/** The default thresholds: the finding module is a mock in this context. */
	private static final ExpiryPolicy POLICY = new ExpiryPolicy(
			java.util.stream.Stream.of("30", "14", "7", "3", "1").map(ExpiryThreshold::parse).toList(),
			java.time.Duration.ofDays(7));

	@Autowired
	private MockMvc mvc;

	@Autowired
	private Endpoints endpoints;

	@Autowired
	private Alerts alerts;

	@Autowired
	private org.springframework.jdbc.core.JdbcTemplate jdbc;

	@Autowired
	private ApplicationEventPublisher events;

	@Autowired
	private TransactionTemplate transactions;

	@Autowired
	private Clock clock;

	private EndpointDetails endpoint;

	private CertificateInfo leaf;

	@BeforeEach
	void endpointWithTwoAlerts() {
		this.endpoint = this.endpoints.register(new EndpointDraft(EndpointApiIntegrationTests.uniqueHost(), 443,
				TlsMode.IMPLICIT, null, null, List.of("prod"), null));
		Instant now = this.clock.instant();
		this.leaf = new CertificateInfo(Long.toHexString(scanIds.get()) + "a".repeat(50), "CN=<b>api</b>", "CN=Test CA",
				"01", List.of(), now.minus(Duration.ofDays(60)), now.plus(Duration.ofDays(20)), "EC", 256,
				"SHA256withECDSA", false, "pem");
		judge(false);
	}

	@Test
	void listsFiltersAndReadsAlerts() throws Exception {
		this.mvc.perform(get(AlertController.PATH).param("endpointId", Long.toString(this.endpoint.id())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.content", hasSize(3)))
			.andExpect(jsonPath("$.content[0].severity").value("CRITICAL"))
			.andExpect(jsonPath("$.content[0].rule").value("HOSTNAME_MISMATCH"))
			.andExpect(jsonPath("$.page.totalElements").value(3));
		this.mvc
			.perform(get(AlertController.PATH).param("endpointId", Long.toString(this.endpoint.id()))
				.param("severity", "WARNING")
				.param("state", "OPEN"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.content", hasSize(2)))
			.andExpect(jsonPath("$.content[*].severity", everyItem(is("WARNING"))));
		AlertDetails expiring = alert(AlertRule.CERT_EXPIRING);
		this.mvc.perform(get(AlertController.PATH + "/" + expiring.id()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.title").value(org.hamcrest.Matchers.startsWith("certificate expires in 19 days")))
			.andExpect(jsonPath("$.certificate.subject").value("CN=<b>api</b>"))
			.andExpect(jsonPath("$.certificate.sha256").value(this.leaf.sha256()))
			.andExpect(jsonPath("$.level").value(1));
	}

	@Test
	void badFiltersAreProblems() throws Exception {
		this.mvc.perform(get(AlertController.PATH).param("state", "CLOSED"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(ApiProblems.MEDIA_TYPE))
			.andExpect(jsonPath("$.errors[0].field").value("state"));
		this.mvc.perform(get(AlertController.PATH + "/999999999"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.type").value(ApiProblems.ALERT_NOT_FOUND.toString()));
	}

	@Test
	void acknowledgeRecordsTheSignedInUser() throws Exception {
		AlertDetails mismatch = alert(AlertRule.HOSTNAME_MISMATCH);
		this.mvc.perform(post(AlertController.PATH + "/" + mismatch.id() + "/acknowledge"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.state").value("ACKNOWLEDGED"))
			.andExpect(jsonPath("$.acknowledgedBy").value(TestAdmin.USERNAME))
			.andExpect(jsonPath("$.acknowledgedAt").isNotEmpty());
		this.mvc
			.perform(get(AlertController.PATH).param("endpointId", Long.toString(this.endpoint.id()))
				.param("state", "ACKNOWLEDGED"))
			.andExpect(jsonPath("$.content", hasSize(1)));
	}

	@Test
	void muteNeedsAFutureTimeAndCanBeLifted() throws Exception {
		AlertDetails expiring = alert(AlertRule.CERT_EXPIRING);
		String path = AlertController.PATH + "/" + expiring.id() + "/mute";
		this.mvc.perform(post(path).contentType(MediaType.APPLICATION_JSON).content("""
				{"until":"2001-01-01T00:00:00Z"}"""))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("until"));
		Instant until = this.clock.instant().plus(Duration.ofDays(3));
		this.mvc.perform(post(path).contentType(MediaType.APPLICATION_JSON).content("""
				{"until":"%s"}""".formatted(until)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.mutedUntil").isNotEmpty())
			.andExpect(jsonPath("$.state").value("OPEN"));
		this.mvc.perform(post(path).contentType(MediaType.APPLICATION_JSON).content("{\"until\":null}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.mutedUntil").doesNotExist());
	}

	@Test
	void resolvedAlertsCannotBeAcknowledged() throws Exception {
		AlertDetails mismatch = alert(AlertRule.HOSTNAME_MISMATCH);
		judge(true);
		this.mvc.perform(post(AlertController.PATH + "/" + mismatch.id() + "/acknowledge"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.type").value(ApiProblems.ALERT_RESOLVED.toString()));
	}

	@Test
	void endpointSettingsAreValidatedCompletelyAndNormalised() throws Exception {
		String path = EndpointController.PATH + "/" + this.endpoint.id() + "/alert-settings";
		this.mvc.perform(put(path).contentType(MediaType.APPLICATION_JSON).content("""
				{"thresholds":["30","abc%"],"disabledRules":["NOPE"],"recipients":["not-an-address"],
				 "ownerEmail":"x@y"}"""))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.type").value(ApiProblems.INVALID_ALERT_INPUT.toString()))
			.andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder("thresholds[1]",
					"disabledRules[0]", "recipients[0]", "ownerEmail")));
		this.mvc.perform(get(path))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.thresholds").doesNotExist())
			.andExpect(jsonPath("$.recipients", hasSize(0)));
		this.mvc.perform(put(path).contentType(MediaType.APPLICATION_JSON).content("""
				{"thresholds":[" 14 ","33 %","14"],"disabledRules":["weak_protocol"],
				 "recipients":["ops@example.com"],"ownerName":"Mail team","ownerEmail":"mail@example.com"}"""))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.thresholds", org.hamcrest.Matchers.contains("14", "33%")))
			.andExpect(jsonPath("$.disabledRules", org.hamcrest.Matchers.contains("WEAK_PROTOCOL")))
			.andExpect(jsonPath("$.ownerEmail").value("mail@example.com"));
		this.mvc.perform(get(EndpointController.PATH + "/999999999/alert-settings")).andExpect(status().isNotFound());
	}

	@Test
	void tagSettingsCanBeReplacedReadAndRemoved() throws Exception {
		String path = AlertController.TAG_SETTINGS_PATH + "/api-tag";
		this.mvc.perform(put(path).contentType(MediaType.APPLICATION_JSON).content("""
				{"thresholds":["7"],"recipients":["oncall@example.com"]}"""))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.tag").value("api-tag"))
			.andExpect(jsonPath("$.thresholds", org.hamcrest.Matchers.contains("7")));
		this.mvc.perform(get(path))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.recipients[0]").value("oncall@example.com"));
		this.mvc
			.perform(put(AlertController.TAG_SETTINGS_PATH + "/Bad Tag!").contentType(MediaType.APPLICATION_JSON)
				.content("{}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("tag"));
		this.mvc.perform(delete(path)).andExpect(status().isNoContent());
		this.mvc.perform(get(path)).andExpect(status().isNotFound());
		this.mvc.perform(delete(path)).andExpect(status().isNotFound());
	}

	/** A scan with a name mismatch (unless fixed) and a leaf expiring in 20 days. */
	private void judge(boolean fixed) {
		Instant now = this.clock.instant();
		AddressResult result = new AddressResult("192.0.2.1", HandshakeOutcome.OK, null, "TLSv1.3",
				"TLS_AES_128_GCM_SHA256", 1, 2, TrustStatus.TRUSTED, null, fixed, List.of(this.leaf),
				ChainReportDetails.NONE, List.of(), null, 2, null);
		ScanDetails scan = new ScanDetails(scanIds.incrementAndGet(), this.endpoint.id(), ScanTrigger.MANUAL, now, now,
				HandshakeOutcome.OK, null, List.of(result));
		this.transactions.executeWithoutResult((status) -> this.events.publishEvent(
				new ScanJudged(scan, ScanJudge.findings(scan, POLICY, scan.finishedAt()), EndpointStatus.CRITICAL)));
		// The alert module handles it after the commit, in its own transaction.
		dev.tlswatch.support.Eventually
			.await(java.time.Duration.ofSeconds(30), "scan " + scan.id() + " handled",
					() -> Boolean.TRUE.equals(this.jdbc.queryForObject(
							"select exists (select 1 from alert_scan_handled where scan_id = ?)", Boolean.class,
							scan.id())));
	}

	private AlertDetails alert(AlertRule rule) {
		return this.alerts.activeFor(this.endpoint.id())
			.stream()
			.filter((alert) -> alert.rule() == rule)
			.findFirst()
			.orElseThrow();
	}

}
