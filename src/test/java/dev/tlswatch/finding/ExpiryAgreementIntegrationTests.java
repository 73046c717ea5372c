package dev.tlswatch.finding;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.tlswatch.alert.AlertRule;
import dev.tlswatch.alert.Alerts;
import dev.tlswatch.alert.EndpointAlertSettings;
import dev.tlswatch.endpoint.EndpointDetails;
import dev.tlswatch.endpoint.EndpointDraft;
import dev.tlswatch.endpoint.Endpoints;
import dev.tlswatch.endpoint.TlsMode;
import dev.tlswatch.scan.Scans;
import dev.tlswatch.support.Eventually;
import dev.tlswatch.support.IntegrationTest;
import dev.tlswatch.support.TestCertificates;
import dev.tlswatch.support.TestMailServer;
import dev.tlswatch.support.TestTlsServer;
import dev.tlswatch.support.TestTrustBundle;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static dev.tlswatch.support.TestMailServer.subject;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every surface agrees on expiry, with the thresholds set through the older
 * {@code tlswatch.alert.*} keys ({@code 10,3}, critical within {@code 3d}): a certificate
 * 20 days from expiry is OK in the API's status, the export, the endpoint page's badge,
 * the list and the overview, and mails nothing; one 5 days away is a warning on all of
 * them and mails exactly once, a warning.
 */
@IntegrationTest(properties = { "tlswatch.alert.thresholds=10,3", "tlswatch.alert.critical-within=3d" })
class ExpiryAgreementIntegrationTests {

	private static final Duration WAIT = Duration.ofSeconds(30);

	@Autowired
	private Endpoints endpoints;

	@Autowired
	private Scans scans;

	@Autowired
	private Alerts alerts;

	@Autowired
	private Findings findings;

	@Autowired
	private Clock clock;

	@Autowired
	private MockMvc mvc;

	private final TestMailServer smtp = new TestMailServer();

	private String tag;

	@BeforeEach
	void startSmtp() {
		this.smtp.start();
		this.tag = "agree-" + UUID.randomUUID().toString().substring(0, 8);
	}

	@AfterEach
	void stopSmtp() {
		this.smtp.stop();
	}

	@Test
	void twentyDaysIsOkEverywhereAndFiveDaysAWarningEverywhereWithOneWarningMail() throws Exception {
		Instant now = this.clock.instant();
		try (TestTlsServer twentyDays = TestTlsServer.start(issued("twenty.tlswatch.test", now, 10, 20));
				TestTlsServer fiveDays = TestTlsServer.start(issued("five.tlswatch.test", now, 2, 5))) {
			EndpointDetails far = register(twentyDays, "far");
			EndpointDetails near = register(fiveDays, "near");

			this.scans.scanNow(far.id());
			this.scans.scanNow(near.id());
			Eventually.await(WAIT, "both scans judged",
					() -> this.findings.verdict(far.id()).status() != EndpointStatus.PENDING
							&& this.findings.verdict(near.id()).status() != EndpointStatus.PENDING);
			Eventually.await(WAIT, "the expiry alert of the near endpoint",
					() -> this.alerts.activeFor(near.id())
						.stream()
						.anyMatch((alert) -> alert.rule() == AlertRule.CERT_EXPIRING));

			assertSurfaces(far, "OK", "ok", "fine");
			assertSurfaces(near, "WARNING", "warning", "warning");

			Eventually.await(WAIT, "the expiry mail", () -> expiryMails("near").size() == 1);
			MimeMessage mail = expiryMails("near").get(0);
			assertThat(mail.getSubject()).startsWith("[TLSWatch] WARNING").contains("certificate expires in 5 days");
			assertThat(this.alerts.activeFor(far.id())).noneMatch((alert) -> alert.rule() == AlertRule.CERT_EXPIRING);
			assertThat(expiryMails("far")).isEmpty();

			// Scanned again: still one mail.
			this.scans.scanNow(near.id());
			long scanId = this.scans.latest(near.id()).orElseThrow().id();
			Eventually.await(WAIT, "the second scan judged",
					() -> Long.valueOf(scanId).equals(this.findings.verdict(near.id()).scanId()));
			assertThat(this.alerts.activeFor(near.id())).filteredOn((alert) -> alert.rule() == AlertRule.CERT_EXPIRING)
				.singleElement()
				.satisfies((alert) -> assertThat(alert.severity()).isEqualTo(Severity.WARNING));
			assertThat(expiryMails("near")).hasSize(1);
		}
	}

	private void assertSurfaces(EndpointDetails endpoint, String status, String tone, String expiryLevel)
			throws Exception {
		long id = endpoint.id();
		this.mvc.perform(get("/api/v1/endpoints/" + id + "/status"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value(status));
		this.mvc.perform(get("/api/v1/export?format=json"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.id == " + id + ")].status").value(status));
		String page = html("/endpoints/" + id);
		assertThat(page).as("endpoint page badge").contains("class=\"badge badge--" + tone + "\"");
		assertThat(page).as("certificate card").contains("class=\"expiry expiry--" + expiryLevel + "\"");
		String list = html("/endpoints?tag=" + this.tag);
		assertThat(row(list, "data-endpoint-id=\"" + id + "\"")).as("list row")
			.contains("class=\"badge badge--" + tone + "\"", "class=\"expiry expiry--" + expiryLevel + "\"");
		String overview = html("/");
		assertThat(overview).as("overview lists the endpoint's expiry").contains("data-endpoint-id=\"" + id + "\"");
		assertThat(row(overview, "data-endpoint-id=\"" + id + "\"")).as("overview row")
			.contains("class=\"expiry expiry--" + expiryLevel + "\"");
	}

	private EndpointDetails register(TestTlsServer server, String who) {
		EndpointDetails endpoint = this.endpoints.register(new EndpointDraft("127.0.0.1", server.port(),
				TlsMode.IMPLICIT, "localhost", 60, List.of(this.tag), false));
		this.alerts.updateEndpointSettings(endpoint.id(),
				new EndpointAlertSettings(null, List.of(), List.of(recipient(who)), null, null));
		return endpoint;
	}

	private static TestCertificates.Issued issued(String name, Instant now, int daysAgo, int daysLeft) {
		return TestCertificates.leaf(name)
			.dnsNames("localhost")
			.validity(now.minus(Duration.ofDays(daysAgo)),
					now.plus(Duration.ofDays(daysLeft)).plus(Duration.ofHours(2)))
			.issuedBy(TestTrustBundle.ca());
	}

	private String recipient(String who) {
		return who + "-" + this.tag + "@tlswatch.test";
	}

	private String html(String path) throws Exception {
		return this.mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	/**
	 * The table row that carries a marker, from its {@code <tr} to its {@code
	 *
	</tr>
	 * }.
	 */
	private static String row(String html, String marker) {
		int at = html.indexOf(marker);
		assertThat(at).as("a row with " + marker).isNotNegative();
		int start = html.lastIndexOf("<tr", at);
		int end = html.indexOf("</tr>", at);
		return html.substring(start, end);
	}

	/** Expiry mails to one endpoint's recipient, one per Message-ID. */
	private List<MimeMessage> expiryMails(String who) {
		return this.smtp.mailsTo(recipient(who), (mail) -> subject(mail).contains("certificate expires"));
	}

}
