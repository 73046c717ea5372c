package dev.tlswatch.revocation;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import com.icegreen.greenmail.util.GreenMail;
import dev.tlswatch.alert.AlertDetails;
import dev.tlswatch.alert.AlertRule;
import dev.tlswatch.alert.Alerts;
import dev.tlswatch.alert.EndpointAlertSettings;
import dev.tlswatch.endpoint.EndpointDetails;
import dev.tlswatch.endpoint.EndpointDraft;
import dev.tlswatch.endpoint.Endpoints;
import dev.tlswatch.endpoint.TlsMode;
import dev.tlswatch.finding.FindingDetails;
import dev.tlswatch.finding.FindingKind;
import dev.tlswatch.finding.Findings;
import dev.tlswatch.finding.Severity;
import dev.tlswatch.probe.GradeLetter;
import dev.tlswatch.scan.AddressResult;
import dev.tlswatch.scan.ScanDetails;
import dev.tlswatch.scan.Scans;
import dev.tlswatch.support.Eventually;
import dev.tlswatch.support.IntegrationTest;
import dev.tlswatch.support.TestCertificates;
import dev.tlswatch.support.TestCertificates.Issued;
import dev.tlswatch.support.TestRevocationServer;
import dev.tlswatch.support.TestSmtp;
import dev.tlswatch.support.TestTlsServer;
import dev.tlswatch.support.TestTrustBundle;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.bouncycastle.asn1.x509.CRLReason;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The whole path for a revoked certificate: a scan of an in-process TLS server whose leaf
 * names an in-process OCSP responder that says "revoked" gives a critical finding, a
 * capped grade, an alert with its mail (GreenMail), the API's revocation fields and the
 * endpoint page's; a leaf the responder calls good gives none of that.
 */
@IntegrationTest
class RevocationIntegrationTests {

	private static final Duration WAIT = Duration.ofSeconds(30);

	private static final Instant REVOKED_AT = Instant.now().minus(Duration.ofDays(3)).truncatedTo(ChronoUnit.SECONDS);

	private static final DateTimeFormatter REVOKED_TEXT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);

	@Autowired
	private Endpoints endpoints;

	@Autowired
	private Scans scans;

	@Autowired
	private Findings findings;

	@Autowired
	private Alerts alerts;

	@Autowired
	private MockMvc mvc;

	private GreenMail smtp;

	private TestRevocationServer responder;

	private String recipient;

	@BeforeEach
	void start() {
		this.smtp = new GreenMail(TestSmtp.setup());
		this.smtp.start();
		this.responder = TestRevocationServer.start(TestTrustBundle.ca());
		this.recipient = "revoked-" + UUID.randomUUID().toString().substring(0, 8) + "@tlswatch.test";
	}

	@AfterEach
	void stop() {
		this.responder.close();
		this.smtp.stop();
	}

	@Test
	void revokedLeafIsACriticalFindingAnAlertAMailAndCapsTheGrade() throws Exception {
		Issued leaf = TestCertificates.leaf("revoked.tlswatch.test")
			.dnsNames("localhost")
			.ocspResponder(this.responder.ocspUrl())
			.issuedBy(TestTrustBundle.ca());
		this.responder.revoke(leaf.certificate(), CRLReason.keyCompromise, REVOKED_AT);
		try (TestTlsServer server = TestTlsServer.start(leaf)) {
			EndpointDetails endpoint = this.endpoints.register(new EndpointDraft("127.0.0.1", server.port(),
					TlsMode.IMPLICIT, "localhost", 60, List.of("revocation"), false));
			this.alerts.updateEndpointSettings(endpoint.id(),
					new EndpointAlertSettings(null, List.of(), List.of(this.recipient), null, null));

			ScanDetails scan = this.scans.scanNow(endpoint.id());

			AddressResult result = scan.results().get(0);
			assertThat(result.revocationDetails().status()).isEqualTo("REVOKED");
			assertThat(result.revocationDetails().source()).isEqualTo("OCSP");
			assertThat(result.grade()).isNotNull();
			assertThat(result.grade().letter()).isEqualTo(GradeLetter.T);
			assertThat(this.responder.ocspRequests()).isEqualTo(1);
			Eventually.await(WAIT, "the revocation finding",
					() -> this.findings.forScan(scan.id())
						.stream()
						.anyMatch((finding) -> finding.kind() == FindingKind.CERT_REVOKED));
			FindingDetails finding = this.findings.forScan(scan.id())
				.stream()
				.filter((candidate) -> candidate.kind() == FindingKind.CERT_REVOKED)
				.findFirst()
				.orElseThrow();
			assertThat(finding.severity()).isEqualTo(Severity.CRITICAL);
			assertThat(finding.message()).contains("keyCompromise").contains(REVOKED_AT.toString());
			Eventually.await(WAIT, "the revocation alert",
					() -> this.alerts.activeFor(endpoint.id())
						.stream()
						.anyMatch((alert) -> alert.rule() == AlertRule.CERT_REVOKED));
			AlertDetails alert = this.alerts.activeFor(endpoint.id())
				.stream()
				.filter((candidate) -> candidate.rule() == AlertRule.CERT_REVOKED)
				.findFirst()
				.orElseThrow();
			assertThat(alert.severity()).isEqualTo(Severity.CRITICAL);
			assertThat(alert.certificateSha256()).isEqualTo(result.chain().get(0).sha256());
			Eventually.await(WAIT, "the revocation mail", () -> !revocationMails().isEmpty());
			assertThat(subject(revocationMails().get(0))).contains("CRITICAL").contains("certificate revoked");

			this.mvc.perform(get("/api/v1/endpoints/" + endpoint.id() + "/scans/latest"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.results[0].revocation.status").value("REVOKED"))
				.andExpect(jsonPath("$.results[0].revocation.source").value("OCSP"))
				.andExpect(jsonPath("$.results[0].revocation.reason").value("keyCompromise"))
				.andExpect(jsonPath("$.results[0].revocation.revokedAt").value(REVOKED_AT.toString()))
				.andExpect(jsonPath("$.results[0].chainRevocation[0].status").value("REVOKED"))
				.andExpect(jsonPath("$.results[0].grade.letter").value("T"))
				.andExpect(jsonPath("$.results[0].grade.reasons[0].code").value("CERT_REVOKED"));
			String page = this.mvc.perform(get("/endpoints/" + endpoint.id()))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("data-revocation=\"REVOKED\"")))
				.andExpect(content().string(containsString("data-revoked=\"true\"")))
				.andReturn()
				.getResponse()
				.getContentAsString();
			// The revocation date is an instant like every other on the page: a <time>
			// with its ISO value that app.js shows in the browser's time zone
			String revokedTime = "<time datetime=\"" + REVOKED_AT + "\" title=\"" + REVOKED_AT
					+ "\" data-style=\"absolute\">" + REVOKED_TEXT.format(REVOKED_AT) + "</time>";
			String revocationCard = page.substring(page.indexOf("id=\"revocation-title\""));
			assertThat(revocationCard).contains("on " + revokedTime);
			assertThat(page).doesNotContain(">" + REVOKED_AT + "<");
		}
	}

	@Test
	void goodLeafRaisesNothingAndTheSecondScanUsesTheCache() throws Exception {
		Issued leaf = TestCertificates.leaf("good.tlswatch.test")
			.dnsNames("localhost")
			.ocspResponder(this.responder.ocspUrl())
			.issuedBy(TestTrustBundle.ca());
		try (TestTlsServer server = TestTlsServer.start(leaf)) {
			EndpointDetails endpoint = this.endpoints.register(new EndpointDraft("127.0.0.1", server.port(),
					TlsMode.IMPLICIT, "localhost", 60, List.of("revocation"), false));

			ScanDetails first = this.scans.scanNow(endpoint.id());
			ScanDetails second = this.scans.scanNow(endpoint.id());

			assertThat(first.results().get(0).revocationDetails().status()).isEqualTo("GOOD");
			assertThat(second.results().get(0).revocationDetails().status()).isEqualTo("GOOD");
			assertThat(this.responder.ocspRequests()).as("the answer holds until nextUpdate").isEqualTo(1);
			Eventually.await(WAIT, "the findings", () -> !this.findings.forScan(second.id()).isEmpty());
			assertThat(this.findings.forScan(second.id())).extracting(FindingDetails::kind)
				.doesNotContain(FindingKind.CERT_REVOKED, FindingKind.REVOCATION_UNKNOWN);
			this.mvc.perform(get("/api/v1/endpoints/" + endpoint.id() + "/scans/latest"))
				.andExpect(jsonPath("$.results[0].revocation.status").value("GOOD"))
				.andExpect(jsonPath("$.results[0].revocation.revokedAt").doesNotExist());
		}
	}

	private List<MimeMessage> revocationMails() {
		return Arrays.stream(this.smtp.getReceivedMessages())
			.filter((mail) -> recipients(mail).contains(this.recipient))
			.filter((mail) -> subject(mail).contains("revoked"))
			.toList();
	}

	private static String recipients(MimeMessage mail) {
		try {
			return Arrays.toString(mail.getAllRecipients());
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String subject(MimeMessage mail) {
		try {
			return mail.getSubject();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
