package dev.tlswatch.web;

import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import dev.tlswatch.alert.AlertDetails;
import dev.tlswatch.alert.AlertRule;
import dev.tlswatch.alert.AlertState;
import dev.tlswatch.alert.Alerts;
import dev.tlswatch.endpoint.EndpointDetails;
import dev.tlswatch.endpoint.EndpointNotFoundException;
import dev.tlswatch.endpoint.Endpoints;
import dev.tlswatch.endpoint.TlsMode;
import dev.tlswatch.finding.EndpointStatus;
import dev.tlswatch.finding.FindingDetails;
import dev.tlswatch.finding.FindingKind;
import dev.tlswatch.finding.Findings;
import dev.tlswatch.finding.Severity;
import dev.tlswatch.fleet.Fleet;
import dev.tlswatch.fleet.FleetFilter;
import dev.tlswatch.fleet.FleetSort;
import dev.tlswatch.probe.CertificateInfo;
import dev.tlswatch.probe.ChainIssue;
import dev.tlswatch.probe.CipherStrength;
import dev.tlswatch.probe.HandshakeOutcome;
import dev.tlswatch.probe.Hsts;
import dev.tlswatch.probe.ServerOrder;
import dev.tlswatch.probe.TlsVersion;
import dev.tlswatch.probe.TrustStatus;
import dev.tlswatch.probe.VersionSupport;
import dev.tlswatch.probe.VersionVerdict;
import dev.tlswatch.scan.AddressResult;
import dev.tlswatch.scan.ChainReportDetails;
import dev.tlswatch.probe.Vulnerability;
import dev.tlswatch.probe.VulnerabilityResult;
import dev.tlswatch.scan.CipherSupport;
import dev.tlswatch.scan.HstsDetails;
import dev.tlswatch.scan.LatestScanSummary;
import dev.tlswatch.scan.ScanDetails;
import dev.tlswatch.scan.ScanTimeline.Change;
import dev.tlswatch.scan.ScanTimeline.Kind;
import dev.tlswatch.scan.ScanTimeline.Point;
import dev.tlswatch.scan.ScanTimeline;
import dev.tlswatch.scan.Scans;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static dev.tlswatch.web.WebFixtures.NOW;
import static dev.tlswatch.web.WebFixtures.certificate;
import static dev.tlswatch.web.WebFixtures.endpoint;
import static dev.tlswatch.web.WebFixtures.failedResult;
import static dev.tlswatch.web.WebFixtures.okResult;
import static dev.tlswatch.web.WebFixtures.scan;
import static dev.tlswatch.web.WebFixtures.summary;
import static dev.tlswatch.web.WebFixtures.version;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.times;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

// Spring Security's default chain of the slice is on: requests come from a signed-in
// operator, and forms send a CSRF token.
@WebMvcTest(EndpointPagesController.class)
@Import({ EndpointListView.class, EndpointPageView.class })
@WithMockUser(username = "operator", roles = { "VIEWER", "OPERATOR" })
class EndpointPagesControllerTests {

	private static final String SHA_LEAF = "ab".repeat(32);

	private static final String SHA_CA = "cd".repeat(32);

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private Endpoints endpoints;

	@MockitoBean
	private Scans scans;

	@MockitoBean
	private Findings findings;

	@MockitoBean
	private Fleet fleet;

	@MockitoBean
	private Alerts alerts;

	@org.junit.jupiter.api.BeforeEach
	void expiryPolicy() {
		given(this.findings.expiryPolicy(org.mockito.ArgumentMatchers.anyLong())).willReturn(WebFixtures.POLICY);
		given(this.findings.expiryPolicies(org.mockito.ArgumentMatchers.anyCollection()))
			.willAnswer((invocation) -> WebFixtures.policies(invocation.getArgument(0)));
	}

	@Test
	void listShowsOneRowPerEndpointFromThreeQueries() throws Exception {
		givenEndpoints(List.of(endpoint(1, "example.com"), endpoint(2, "never-scanned.example")),
				Map.of(1L, summary(1, NOW.plus(Duration.ofDays(12)))), Map.of(1L, EndpointStatus.WARNING));

		String html = page("/endpoints");

		String scanned = row(html, 1);
		assertThat(scanned).contains("href=\"/endpoints/1\"", ">example.com:443<", ">Warning<", ">12 days<",
				">TLSv1.3<", ">TLS_AES_128_GCM_SHA256<", "<time datetime=\"2026-11-27T06:00:00Z\"",
				"<li class=\"tag\">prod</li>");
		String pending = row(html, 2);
		assertThat(pending).contains(">never-scanned.example:443<", ">Pending<", "expiry--unknown", "—");
		then(this.fleet).should()
			.find(FleetFilter.NONE, FleetSort.HOST, PageRequest.of(0, EndpointPagesController.LIST_PAGE_SIZE));
		then(this.endpoints).should().findAll(List.of(1L, 2L));
		then(this.scans).should(times(1)).latestSummaries(List.of(1L, 2L));
		then(this.findings).should(times(1)).statusOf(List.of(1L, 2L));
		then(this.findings).should(times(1)).expiryPolicies(List.of(1L, 2L));
		then(this.scans).shouldHaveNoMoreInteractions();
		then(this.findings).shouldHaveNoMoreInteractions();
	}

	@Test
	void listShowsTheGradeOfTheLatestScanAndHowTlsStartsFromOneQuery() throws Exception {
		EndpointDetails submission = new EndpointDetails(3, "mail.example.com", 587, TlsMode.AUTO, null, 60, true,
				List.of(), NOW.minus(Duration.ofDays(1)), NOW.minus(Duration.ofDays(1)));
		givenEndpoints(List.of(endpoint(1, "example.com"), endpoint(2, "weak.example"), submission),
				Map.of(1L, summary(1, NOW.plus(Duration.ofDays(90)))), Map.of());
		given(this.fleet.grades(anyCollection())).willReturn(Map.of(1L, "A+", 2L, "C"));

		String html = page("/endpoints");

		assertThat(html).contains("<th scope=\"col\">Grade</th>", "<th scope=\"col\">TLS</th>");
		assertThat(row(html, 1)).contains("<span class=\"grade grade--small grade--ok\">A+</span>",
				"data-label=\"TLS\">Implicit TLS<");
		assertThat(row(html, 2)).contains("<span class=\"grade grade--small grade--critical\">C</span>");
		assertThat(row(html, 3)).as("auto mode shows what it resolves to on the port")
			.contains("data-label=\"TLS\">STARTTLS SMTP<", "data-label=\"Grade\"><span class=\"muted\">—</span>");
		then(this.fleet).should(times(1)).grades(List.of(1L, 2L, 3L));
	}

	@Test
	void daysLeftClassesChangeAtTheBoundaries() throws Exception {
		long[] days = { -1, 0, 6, 7, 29, 30 };
		List<EndpointDetails> list = LongStream.range(0, days.length)
			.mapToObj((i) -> endpoint(i + 1, "host" + (i + 1) + ".example"))
			.toList();
		Map<Long, LatestScanSummary> summaries = LongStream.range(0, days.length)
			.boxed()
			.collect(Collectors.toMap((i) -> i + 1,
					(i) -> summary(i + 1, NOW.plus(Duration.ofDays(days[i.intValue()])))));
		givenEndpoints(list, summaries, Map.of());

		String html = page("/endpoints");

		assertThat(row(html, 1)).contains("class=\"expiry expiry--expired\"", ">expired 1 day ago<");
		assertThat(row(html, 2)).contains("class=\"expiry expiry--critical\"", ">today<");
		assertThat(row(html, 3)).contains("class=\"expiry expiry--critical\"", ">6 days<");
		assertThat(row(html, 4)).contains("class=\"expiry expiry--warning\"", ">7 days<");
		assertThat(row(html, 5)).contains("class=\"expiry expiry--warning\"", ">29 days<");
		assertThat(row(html, 6)).contains("class=\"expiry expiry--fine\"", ">30 days<");
	}

	@Test
	void urgentExpiryIsSpelledOutNotOnlyColoured() throws Exception {
		givenEndpoints(List.of(endpoint(1, "example.com")), Map.of(1L, summary(1, NOW.plus(Duration.ofDays(6)))),
				Map.of());

		assertThat(row(page("/endpoints"), 1))
			.contains("<span class=\"visually-hidden\">, critical: under 7 days</span>");
	}

	@Test
	void emptyListExplainsHowToAddAnEndpoint() throws Exception {
		givenEndpoints(List.of(), Map.of(), Map.of());

		String html = page("/endpoints");

		assertThat(html)
			.contains("No endpoints yet", "curl -X POST http://localhost/api/v1/endpoints",
					"&quot;host&quot;: &quot;example.com&quot;", "&quot;tlsMode&quot;: &quot;AUTO&quot;")
			.doesNotContain("<table");
		then(this.scans).shouldHaveNoInteractions();
		then(this.findings).shouldHaveNoInteractions();
	}

	@Test
	void listIsPagedWithLinksToOtherPages() throws Exception {
		given(this.fleet.find(any(), any(), any())).willAnswer((invocation) -> {
			Pageable pageable = invocation.getArgument(2);
			return new PageImpl<>(List.of(51L), pageable, 120);
		});
		given(this.endpoints.findAll(List.of(51L))).willReturn(List.of(endpoint(51, "example.com")));
		given(this.scans.latestSummaries(anyCollection())).willReturn(Map.of());
		given(this.findings.statusOf(anyCollection())).willReturn(Map.of());

		String html = page("/endpoints?page=1");

		assertThat(html).contains("51–51 of 120", "href=\"/endpoints?page=0&amp;size=50\"",
				"href=\"/endpoints?page=2&amp;size=50\"", "aria-current=\"page\"", ">Next<", ">Previous<");
		then(this.fleet).should().find(FleetFilter.NONE, FleetSort.HOST, PageRequest.of(1, 50));
	}

	@Test
	void pageSizeIsBounded() throws Exception {
		givenEndpoints(List.of(), Map.of(), Map.of());

		page("/endpoints?page=-3&size=100000");

		then(this.fleet).should()
			.find(FleetFilter.NONE, FleetSort.HOST, PageRequest.of(0, EndpointPagesController.MAX_PAGE_SIZE));
	}

	@Test
	void endpointPageShowsCertificateChainAddressesFindingsAndHistory() throws Exception {
		CertificateInfo leaf = certificate(SHA_LEAF, "CN=example.com", "CN=Example CA", NOW.plus(Duration.ofDays(20)));
		CertificateInfo ca = certificate(SHA_CA, "CN=Example CA", "CN=Example Root", NOW.plus(Duration.ofDays(900)));
		ScanDetails latest = scan(77, 7,
				List.of(failedResult("2001:db8::1", "Connection refused"), okResult("192.0.2.1", List.of(leaf, ca))));
		givenEndpoint(endpoint(7, "example.com"), EndpointStatus.WARNING, latest);
		given(this.findings.forScan(77)).willReturn(List.of(new FindingDetails(FindingKind.CERT_EXPIRING,
				Severity.WARNING, null, "The certificate expires in 20 days.")));

		String html = page("/endpoints/7");

		assertThat(html).contains("<h1 class=\"mono break\">example.com:443</h1>", ">Warning<", ">Implicit TLS<",
				">every hour<");
		assertThat(html).contains(">CN=example.com<", ">CN=Example CA<", ">example.com<", ">192.0.2.1<",
				">RSA 2048 bits<", ">SHA256withRSA<", ">0A1B2C<", ">" + SHA_LEAF + "<",
				"href=\"/certificates/" + SHA_LEAF + ".pem\"", ">20 days left<");
		assertThat(html).contains("Chain as sent", "<div class=\"chain chain--leaf\" data-sha256=\"" + SHA_LEAF + "\">",
				"<details class=\"chain\" data-sha256=\"" + SHA_CA + "\">", ">" + SHA_CA + "<");
		assertThat(html).as("the leaf's facts are shown once, in the Certificate card")
			.doesNotContain("<details class=\"chain\" data-sha256=\"" + SHA_LEAF + "\">");
		assertThat(Pattern.compile(">" + SHA_LEAF + "<").matcher(html).results().count()).isEqualTo(1);
		assertThat(Pattern.compile("fingerprint-sha256").matcher(html).results().count()).as("leaf and CA")
			.isEqualTo(2);
		assertThat(html).contains("Addresses", ">2001:db8::1<", ">Connection refused<", ">192.0.2.1<", ">42 ms<",
				">Trusted<", ">Matches<");
		assertThat(html).contains("The certificate expires in 20 days.", "CERT_EXPIRING");
		assertThat(html).contains("id=\"history\"", ">Scheduled<", ">abababababab…<");
		assertThat(html).contains("action=\"/endpoints/7/scan\"", "method=\"post\"", "hx-post=\"/endpoints/7/scan\"");
		then(this.scans).should().history(7, PageRequest.of(0, EndpointPagesController.HISTORY_PAGE_SIZE));
	}

	@Test
	void eachCertificateOfTheChainShowsItsOwnProblemsValidityBarAndFingerprints() throws Exception {
		CertificateInfo leaf = certificate(SHA_LEAF, "CN=example.com", "CN=Example CA", NOW.plus(Duration.ofDays(20)));
		CertificateInfo ca = certificate(SHA_CA, "CN=Example CA", "CN=Example Root", NOW.plus(Duration.ofDays(900)));
		ChainReportDetails report = new ChainReportDetails(
				List.of(new ChainIssue(ChainIssue.Type.WEAK_KEY, 1, "CN=Example CA has a <b>1024</b>-bit key."),
						new ChainIssue(ChainIssue.Type.INCOMPLETE, 1, "The issuer of CN=Example CA was not sent.")),
				0, false);
		AddressResult result = new AddressResult("192.0.2.1", HandshakeOutcome.OK, null, "TLSv1.3",
				"TLS_AES_128_GCM_SHA256", 3, 42, TrustStatus.UNTRUSTED, "no path", true, List.of(leaf, ca), report,
				List.of(), null, 6, null);
		givenEndpoint(endpoint(7, "example.com"), EndpointStatus.CRITICAL, scan(77, 7, List.of(result)));

		String html = page("/endpoints/7");

		String leafPanel = html.substring(html.indexOf("id=\"certificate-title\""), html.indexOf("id=\"chain-title\""));
		String caPanel = chainPanel(html, SHA_CA);
		assertThat(leafPanel).doesNotContain("cert-issues", "Weak key");
		assertThat(caPanel).contains(">2 problems<", ">Weak key<",
				"CN=Example CA has a &lt;b&gt;1024&lt;/b&gt;-bit key.", ">Issuer missing<",
				"The issuer of CN=Example CA was not sent.");
		// Valid 60 days before NOW, 20 days after: day 61 of 80, inside the last 30 days.
		assertThat(leafPanel.replaceAll("\\s+", " ")).contains(
				"<meter class=\"validity__bar\" min=\"0\" optimum=\"0\" max=\"80.0\" value=\"60.0\" low=\"50.0\" high=\"73.0\" aria-label=\"Validity: today is day 61 of 80\"",
				"data-style=\"both\"");
		String sha1 = HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-1").digest(Base64.getDecoder().decode("MIIB")));
		assertThat(leafPanel).contains("<dd class=\"mono break fingerprint-sha1\">" + sha1 + "</dd>",
				"href=\"/certificates/" + SHA_LEAF + ".pem\"");
	}

	@Test
	void autoModeSaysWhatItResolvedToAndAStartTlsRefusalIsShownAsText() throws Exception {
		EndpointDetails submission = new EndpointDetails(8, "mail.example.com", 587, TlsMode.AUTO, null, 60, true,
				List.of(), NOW.minus(Duration.ofDays(1)), NOW.minus(Duration.ofDays(1)));
		AddressResult refused = new AddressResult("192.0.2.25", HandshakeOutcome.STARTTLS_FAILED,
				"SMTP server refused STARTTLS: \"454 <b>TLS not available</b>\"", null, null, 3, null,
				TrustStatus.UNKNOWN, null, null, List.of());
		givenEndpoint(submission, EndpointStatus.CRITICAL, scan(78, 8, List.of(refused)));

		String html = page("/endpoints/8");

		assertThat(html).contains(">Auto (STARTTLS SMTP on port 587)<", ">STARTTLS failure<",
				"SMTP server refused STARTTLS: &quot;454 &lt;b&gt;TLS not available&lt;/b&gt;&quot;");
	}

	@Test
	void addressTableIsLeftOutForASingleAddress() throws Exception {
		ScanDetails latest = scan(77, 7, List.of(okResult("192.0.2.1",
				List.of(certificate(SHA_LEAF, "CN=example.com", "CN=Example CA", NOW.plus(Duration.ofDays(20)))))));
		givenEndpoint(endpoint(7, "example.com"), EndpointStatus.OK, latest);

		assertThat(page("/endpoints/7")).doesNotContain("addresses-title").contains(">OK<");
	}

	@Test
	void protocolVersionsShowAcceptedMarkDeprecatedAndQuestionTheUnknown() throws Exception {
		List<VersionSupport> versions = List.of(
				version(TlsVersion.SSL_3_0, VersionVerdict.TIMEOUT, "No answer within the handshake timeout"),
				version(TlsVersion.TLS_1_0, VersionVerdict.ACCEPTED, "TLS_RSA_WITH_AES_128_CBC_SHA"),
				version(TlsVersion.TLS_1_1, VersionVerdict.REJECTED, "Alert: fatal protocol_version (70)"),
				version(TlsVersion.TLS_1_2, VersionVerdict.ACCEPTED, "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"),
				version(TlsVersion.TLS_1_3, VersionVerdict.ACCEPTED, "TLS_AES_128_GCM_SHA256, x25519"));
		ScanDetails latest = scan(77, 7,
				List.of(okResult("192.0.2.1", List
					.of(certificate(SHA_LEAF, "CN=example.com", "CN=Example CA", NOW.plus(Duration.ofDays(20)))),
						versions)));
		givenEndpoint(endpoint(7, "example.com"), EndpointStatus.WARNING, latest);

		String html = page("/endpoints/7");

		assertThat(html).contains("Protocol versions", "<dt class=\"mono\">192.0.2.1</dt>");
		assertThat(html).contains(
				"<span class=\"badge badge--ok\" title=\"Accepted: TLS_AES_128_GCM_SHA256, x25519\">TLS 1.3</span>",
				"<span class=\"badge badge--ok\" title=\"Accepted: TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256\">TLS 1.2</span>",
				"<span class=\"badge badge--warning\" title=\"Accepted, though deprecated: TLS_RSA_WITH_AES_128_CBC_SHA\">"
						+ "TLS 1.0 (deprecated)</span>",
				"<span class=\"badge badge--muted\" title=\"Could not test: No answer within the handshake timeout\">"
						+ "SSL 3.0 ?</span>");
		assertThat(html).doesNotContain(">TLS 1.1<", "protocol_version");
	}

	@Test
	void sslv2IsMarkedProhibitedAndTheChachaPreferenceIsShownPerVersion() throws Exception {
		List<VersionSupport> versions = List.of(
				version(TlsVersion.SSL_2_0, VersionVerdict.ACCEPTED, "SERVER-HELLO with 1 cipher kind"),
				version(TlsVersion.TLS_1_2, VersionVerdict.ACCEPTED, "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"));
		CipherSupport support = new CipherSupport(List.of(
				new CipherSupport.VersionSuites(TlsVersion.TLS_1_2, ServerOrder.SERVER,
						List.of(new CipherSupport.Suite("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", CipherStrength.STRONG),
								new CipherSupport.Suite("TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256",
										CipherStrength.STRONG)),
						true, true),
				new CipherSupport.VersionSuites(TlsVersion.SSL_2_0, ServerOrder.UNKNOWN,
						List.of(new CipherSupport.Suite("SSL_CK_RC4_128_WITH_MD5", CipherStrength.INSECURE)), true)),
				List.of(), null);
		AddressResult ok = okResult("192.0.2.1", List.of(), versions);
		AddressResult result = new AddressResult(ok.address(), ok.outcome(), null, ok.protocol(), ok.cipherSuite(), 3,
				42, ok.trust(), null, true, ok.chain(), ChainReportDetails.NONE, versions, null, 6, support);
		givenEndpoint(endpoint(7, "example.com"), EndpointStatus.CRITICAL, scan(77, 7, List.of(result)));

		String html = page("/endpoints/7");

		assertThat(html).contains("<span class=\"badge badge--critical\" title=\"Accepted, though prohibited: "
				+ "SERVER-HELLO with 1 cipher kind\">SSL 2.0 (prohibited)</span>");
		assertThat(html).contains("ChaCha20 preference: chosen when the client puts it first",
				"SSL_CK_RC4_128_WITH_MD5");
		assertThat(html).containsOnlyOnce("ChaCha20 preference");
	}

	@Test
	void addressWithNoVersionAcceptedSaysSoAndUnprobedAddressesAreLeftOut() throws Exception {
		List<VersionSupport> refused = List.of(TlsVersion.values())
			.stream()
			.map((v) -> version(v, VersionVerdict.REJECTED, "Connection closed without an answer"))
			.toList();
		ScanDetails latest = scan(77, 7,
				List.of(okResult("192.0.2.1", List.of(), refused), failedResult("192.0.2.2", "Connection refused")));
		givenEndpoint(endpoint(7, "example.com"), EndpointStatus.CRITICAL, latest);

		String html = page("/endpoints/7");

		assertThat(html).contains("Protocol versions", ">None accepted<")
			.doesNotContain("<dt class=\"mono\">192.0.2.2</dt>");
	}

	@Test
	void scanWithoutVersionsHasNoVersionsCard() throws Exception {
		ScanDetails latest = scan(77, 7, List.of(failedResult("192.0.2.1", "Connection refused")));
		givenEndpoint(endpoint(7, "example.com"), EndpointStatus.UNREACHABLE, latest);

		assertThat(page("/endpoints/7")).doesNotContain("versions-title");
	}

	@Test
	void theCertificateCardNeverSaysOkAboutAnUntrustedChain() throws Exception {
		AddressResult base = okResult("192.0.2.1", List.of(certificate("ab".repeat(32), "CN=example.com",
				"CN=Private CA", Instant.parse("2030-01-01T00:00:00Z"))));
		AddressResult untrusted = new AddressResult("192.0.2.1", HandshakeOutcome.OK, null, "TLSv1.3",
				"TLS_AES_128_GCM_SHA256", 3, 42, TrustStatus.UNTRUSTED, "PKIX path building failed", true, base.chain(),
				ChainReportDetails.NONE, List.of(), null, 7, null);
		givenEndpoint(endpoint(7, "example.com"), EndpointStatus.CRITICAL, scan(77, 7, List.of(untrusted)));

		String html = page("/endpoints/7");
		String card = html.substring(html.indexOf("id=\"certificate-title\""), html.indexOf("id=\"chain-title\""));

		assertThat(card).contains("Untrusted").doesNotContain(">OK<");
	}

	@Test
	void aRequiredClientCertificateIsShownWithItsAuthoritiesEscaped() throws Exception {
		AddressResult base = okResult("192.0.2.1", List.of());
		AddressResult required = new AddressResult("192.0.2.1", HandshakeOutcome.TLS_FAILURE,
				"The server requires a client certificate and none is configured", null, null, 3, null,
				TrustStatus.TRUSTED, null, true, base.chain(), new ChainReportDetails(List.of(), 0, false), List.of(),
				null, 7, null, null, null, true, List.of("CN=<script>evil</script>,O=Example"));
		givenEndpoint(endpoint(7, "example.com"), EndpointStatus.WARNING, scan(77, 7, List.of(required)));

		String html = page("/endpoints/7");

		assertThat(html).contains("Client certificate:",
				"Required, and the endpoint has none the server accepts (from CN=&lt;script&gt;evil&lt;/script&gt;,O=Example)");
		assertThat(html).doesNotContain("<script>evil");
	}

	@Test
	void staplingAndHstsAreShownPerAddressAndAHostileHeaderIsEscaped() throws Exception {
		AddressResult base = okResult("192.0.2.1", List.of());
		AddressResult stapled = new AddressResult("192.0.2.1", HandshakeOutcome.OK, null, "TLSv1.3",
				"TLS_AES_128_GCM_SHA256", 3, 42, TrustStatus.TRUSTED, null, true, base.chain(),
				new ChainReportDetails(List.of(), 0, false), List.of(), null, 7, null, true,
				HstsDetails.observed(Hsts.Verdict.ENABLED, 31_536_000L, true, true, "max-age=31536000", "HTTP 200"));
		AddressResult unstapled = new AddressResult("192.0.2.2", HandshakeOutcome.OK, null, "TLSv1.3",
				"TLS_AES_128_GCM_SHA256", 3, 42, TrustStatus.TRUSTED, null, true, base.chain(),
				new ChainReportDetails(List.of(), 0, true), List.of(), null, 7, null, false,
				HstsDetails.observed(Hsts.Verdict.MALFORMED, null, false, false, "<script>x</script>",
						"HTTP 200: <script>bad</script>"));
		givenEndpoint(endpoint(7, "example.com"), EndpointStatus.CRITICAL, scan(77, 7, List.of(stapled, unstapled)));

		String html = page("/endpoints/7");

		assertThat(html).contains("OCSP stapling and HSTS", "OCSP response stapled",
				"max-age=31536000, includeSubDomains, preload", "No OCSP response stapled",
				"the certificate demands stapling (must-staple)",
				"Invalid header, ignored by browsers: HTTP 200: &lt;script&gt;bad&lt;/script&gt;");
		assertThat(html).doesNotContain("<script>bad");
	}

	@Test
	void vulnerabilitiesAreShownPerAddressFoundFirstAndEscaped() throws Exception {
		AddressResult base = okResult("192.0.2.1", List.of());
		AddressResult probed = new AddressResult("192.0.2.1", HandshakeOutcome.OK, null, "TLSv1.2",
				"TLS_RSA_WITH_AES_128_CBC_SHA", 3, 42, TrustStatus.TRUSTED, null, true, base.chain(),
				new ChainReportDetails(List.of(), 0, false), List.of(), null, 7, null, true, null, null, List.of(),
				List.of(VulnerabilityResult.notVulnerable(Vulnerability.HEARTBLEED, "No heartbeat extension", 1),
						VulnerabilityResult.notTested(Vulnerability.TICKETBLEED, "No check for it in this probe", 0),
						VulnerabilityResult.vulnerable(Vulnerability.ROBOT, "Strong oracle: <script>alert(1)</script>",
								5)));
		givenEndpoint(endpoint(7, "example.com"), EndpointStatus.CRITICAL, scan(77, 7, List.of(probed)));

		String html = page("/endpoints/7");

		assertThat(html).contains("vulnerabilities-title", "data-vulnerability=\"ROBOT\"", "CVE-2017-13099",
				"Strong oracle: &lt;script&gt;alert(1)&lt;/script&gt;", "No heartbeat extension",
				"No check for it in this probe");
		assertThat(html).doesNotContain("<script>alert(1)");
		assertThat(html.indexOf("data-vulnerability=\"ROBOT\""))
			.isLessThan(html.indexOf("data-vulnerability=\"TICKETBLEED\""));
		assertThat(html.indexOf("data-vulnerability=\"TICKETBLEED\""))
			.isLessThan(html.indexOf("data-vulnerability=\"HEARTBLEED\""));
	}

	@Test
	void scanWithoutStaplingOrHstsHasNoSuchCard() throws Exception {
		givenEndpoint(endpoint(7, "example.com"), EndpointStatus.OK,
				scan(77, 7, List.of(okResult("192.0.2.1", List.of()))));

		assertThat(page("/endpoints/7")).doesNotContain("extras-title");
	}

	@Test
	void endpointNeverScannedSaysSo() throws Exception {
		givenEndpoint(endpoint(7, "example.com"), EndpointStatus.PENDING, null);

		assertThat(page("/endpoints/7")).contains("Not scanned yet", ">Pending<", "No scans on this page.");
	}

	@Test
	void unknownEndpointIsA404PageInTheLayout() throws Exception {
		given(this.endpoints.get(99)).willThrow(new EndpointNotFoundException(99));

		String html = this.mvc.perform(get("/endpoints/99"))
			.andExpect(status().isNotFound())
			.andExpect(view().name("error/404"))
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(html).contains("There is no endpoint with id 99.", "TLSWatch <span>dev</span>")
			.doesNotContain("Exception", "at dev.tlswatch");
	}

	@Test
	void badParametersOfAPageGetAnErrorPageNotJson() throws Exception {
		this.mvc.perform(get("/endpoints?page=abc").accept(MediaType.TEXT_HTML, MediaType.ALL))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(""));
		this.mvc.perform(get("/endpoints?page=abc").accept(MediaType.ALL))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
	}

	@Test
	void endpointPageShowsItsActiveAlertsEscaped() throws Exception {
		givenEndpoint(endpoint(7, "example.com"), EndpointStatus.WARNING, null);
		given(this.alerts.activeFor(7)).willReturn(List.of(new AlertDetails(5, 7L, AlertRule.CERT_EXPIRING, SHA_LEAF,
				Severity.WARNING, AlertState.ACKNOWLEDGED, 1, "certificate expires in 20 days (2026-12-17)",
				"The certificate CN=<script>x</script> expires in 20 days.", null, SHA_LEAF, "CN=<script>x</script>",
				"CN=CA", NOW.plus(Duration.ofDays(20)), null, NOW.minus(Duration.ofDays(1)), 1L, null, null, NOW,
				"<b>alice</b>", null, null, null, NOW)));

		String html = page("/endpoints/7");

		assertThat(html).contains("Open alerts", ">Certificate expiring<",
				"certificate expires in 20 days (2026-12-17)", "&lt;b&gt;alice&lt;/b&gt;",
				"href=\"/alerts?endpointId=7\"");
		assertThat(html).doesNotContain("<b>alice");
	}

	@Test
	void valuesFromScannedServersAreEscaped() throws Exception {
		String hostile = "CN=<script>alert(1)</script>";
		CertificateInfo leaf = new CertificateInfo(SHA_LEAF, hostile, "O=<b>issuer</b>", "01",
				List.of("DNS:<img src=x onerror=alert(2)>"), NOW.minus(Duration.ofDays(1)),
				NOW.plus(Duration.ofDays(9)), "EC", 256, "SHA256withECDSA", true, "pem");
		ScanDetails latest = scan(77, 7,
				List.of(okResult("192.0.2.1", List.of(leaf)), failedResult("192.0.2.2", "<i onmouseover=alert(3)>")));
		givenEndpoint(endpoint(7, "example.com"), EndpointStatus.CRITICAL, latest);

		String html = page("/endpoints/7");

		assertThat(html).contains("CN=&lt;script&gt;alert(1)&lt;/script&gt;", "O=&lt;b&gt;issuer&lt;/b&gt;",
				"&lt;img src=x onerror=alert(2)&gt;", "&lt;i onmouseover=alert(3)&gt;");
		assertThat(html).doesNotContain("<script>alert", "<b>issuer", "<img src=x", "<i onmouseover");
	}

	@Test
	void scanNowScansAndRedirectsBack() throws Exception {
		given(this.scans.scanNow(7)).willReturn(scan(78, 7, List.of(failedResult("192.0.2.1", "refused"))));

		this.mvc.perform(post("/endpoints/7/scan").with(csrf()))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/endpoints/7"))
			.andExpect(flash().attribute("scanNotice",
					new EndpointPagesController.ScanNotice("Connection refused", "critical")));
	}

	@Test
	void scanNowOfAnUnknownEndpointIs404() throws Exception {
		given(this.scans.scanNow(99)).willThrow(new EndpointNotFoundException(99));

		this.mvc.perform(post("/endpoints/99/scan").with(csrf())).andExpect(status().isNotFound());
	}

	@Test
	void whatChangedListsTheChangesEscapedWithTheTrendChartData() throws Exception {
		ScanDetails latest = scan(77, 7, List.of(okResult("192.0.2.1",
				List.of(certificate(SHA_LEAF, "CN=example.com", "CN=Example CA", NOW.plus(Duration.ofDays(20)))))));
		givenEndpoint(endpoint(7, "example.com"), EndpointStatus.OK, latest);
		given(this.scans.timeline(7, Scans.MAX_TIMELINE_SCANS)).willReturn(new ScanTimeline(List.of(
				new Change(77, NOW, Kind.CERTIFICATE_CHANGED, null, SHA_CA, SHA_LEAF, "CN=<script>x</script>"),
				new Change(76, NOW.minus(Duration.ofHours(1)), Kind.SUITE_REMOVED, "192.0.2.1", "TLS_RSA_<b>_SHA", null,
						"TLS 1.2"),
				new Change(76, NOW.minus(Duration.ofHours(1)), Kind.VERSION_ADDED, "192.0.2.1", null, "TLS 1.0", null),
				new Change(75, NOW.minus(Duration.ofHours(2)), Kind.OUTAGE_STARTED, null, "OK", "CONNECTION_REFUSED",
						"refused <img src=x>")),
				List.of(new Point(75, NOW.minus(Duration.ofHours(2)), null, null),
						new Point(76, NOW.minus(Duration.ofHours(1)), 40, 21L), new Point(77, NOW, 42, 20L))));

		String html = page("/endpoints/7");

		String changes = html.substring(html.indexOf("id=\"changes\""), html.indexOf("id=\"trend-title\""));
		assertThat(changes).containsSubsequence(">New certificate<",
				"cdcdcdcdcdcd… → abababababab…, CN=&lt;script&gt;x&lt;/script&gt;",
				"<time datetime=\"2026-11-27T09:00:00Z\"", ">Suite refused<",
				"TLS_RSA_&lt;b&gt;_SHA with TLS 1.2 no longer accepted", ">192.0.2.1<", "badge badge--warning",
				">Version accepted<", "TLS 1.0 now accepted", ">Outage<",
				"Connection refused: refused &lt;img src=x&gt;", "<time datetime=\"2026-11-27T07:00:00Z\"");
		assertThat(html).doesNotContain("<script>x", "<b>_SHA", "<img src=x>")
			.contains("id=\"trend-chart\"",
					"data-labels=\"2026-11-27 07:00 UTC,2026-11-27 08:00 UTC,2026-11-27 09:00 UTC\"",
					"data-handshake=\",40,42\"", "data-days=\",21,20\"", "/dist/chart.umd.min.js\" defer>");
		String table = html.substring(html.indexOf("id=\"trend-table\""));
		assertThat(table).containsSubsequence("<td class=\"num\">—</td>", "<td class=\"num\">40</td>",
				"<td class=\"num\">21</td>", "<td class=\"num\">42</td>", "<td class=\"num\">20</td>");
	}

	@Test
	void oneScanHasNoChartAndSaysNothingChangedAndChartJsIsNotLoaded() throws Exception {
		ScanDetails latest = scan(77, 7, List.of(okResult("192.0.2.1", List.of())));
		givenEndpoint(endpoint(7, "example.com"), EndpointStatus.OK, latest);
		given(this.scans.timeline(7, Scans.MAX_TIMELINE_SCANS))
			.willReturn(new ScanTimeline(List.of(), List.of(new Point(77, NOW, 42, null))));

		String html = page("/endpoints/7");

		assertThat(html).contains(">What changed<", "Nothing changed between these scans.")
			.doesNotContain("trend-chart", "chart.umd");
	}

	@Test
	void listPageDoesNotLoadChartJs() throws Exception {
		givenEndpoints(List.of(endpoint(1, "example.com")), Map.of(), Map.of());

		assertThat(page("/endpoints")).doesNotContain("chart.umd");
	}

	@Test
	void pagesNeedNoInlineScriptOrStyle() throws Exception {
		ScanDetails latest = scan(77, 7, List.of(okResult("192.0.2.1",
				List.of(certificate(SHA_LEAF, "CN=example.com", "CN=Example CA", NOW.plus(Duration.ofDays(20)))))));
		givenEndpoint(endpoint(7, "example.com"), EndpointStatus.OK, latest);
		givenEndpoints(List.of(endpoint(7, "example.com")), Map.of(), Map.of());

		for (String html : List.of(page("/endpoints"), page("/endpoints/7"))) {
			assertThat(html).containsPattern("<script src=\"/webjars/htmx.org/[^\"]*/htmx.min.js\" defer></script>")
				.contains("<script src=\"/js/app.js\" defer></script>", "href=\"/swagger-ui.html\"");
			assertThat(Pattern.compile("<script(?![^>]*\\ssrc=)").matcher(html).find()).isFalse();
			assertThat(Pattern.compile("\\s(style|on[a-z]+)=").matcher(html).find()).isFalse();
			assertThat(html).doesNotContain("<style");
		}
	}

	private String page(String path) throws Exception {
		return this.mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	private static String chainPanel(String html, String sha256) {
		Matcher panel = Pattern
			.compile("<details class=\"chain\" data-sha256=\"" + sha256 + "\">(.*?)</details>", Pattern.DOTALL)
			.matcher(html);
		assertThat(panel.find()).as("chain panel of %s", sha256).isTrue();
		return panel.group(1);
	}

	private static String row(String html, long endpointId) {
		Matcher row = Pattern.compile("<tr data-endpoint-id=\"" + endpointId + "\">(.*?)</tr>", Pattern.DOTALL)
			.matcher(html);
		assertThat(row.find()).as("row of endpoint %d", endpointId).isTrue();
		return row.group(1);
	}

	private void givenEndpoints(List<EndpointDetails> list, Map<Long, LatestScanSummary> summaries,
			Map<Long, EndpointStatus> statuses) {
		given(this.fleet.find(any(), any(), any())).willAnswer((invocation) -> {
			Pageable pageable = invocation.getArgument(2);
			return new PageImpl<>(list.stream().map(EndpointDetails::id).toList(), pageable, list.size());
		});
		given(this.endpoints.findAll(anyList())).willReturn(list);
		given(this.scans.latestSummaries(anyCollection())).willReturn(summaries);
		given(this.findings.statusOf(anyCollection())).willAnswer((invocation) -> {
			Collection<Long> ids = invocation.getArgument(0);
			return ids.stream()
				.collect(Collectors.toMap((id) -> id, (id) -> statuses.getOrDefault(id, EndpointStatus.PENDING)));
		});
	}

	private void givenEndpoint(EndpointDetails endpoint, EndpointStatus status, ScanDetails latest) {
		given(this.endpoints.get(endpoint.id())).willReturn(endpoint);
		given(this.endpoints.find(endpoint.id())).willReturn(Optional.of(endpoint));
		given(this.findings.statusOf(List.of(endpoint.id()))).willReturn(Map.of(endpoint.id(), status));
		given(this.scans.latest(endpoint.id())).willReturn(Optional.ofNullable(latest));
		given(this.scans.timeline(eq(endpoint.id()), anyInt())).willReturn(ScanTimeline.EMPTY);
		Page<ScanDetails> history = (latest != null) ? new PageImpl<>(List.of(latest)) : Page.empty();
		given(this.scans.history(eq(endpoint.id()), any())).willAnswer((invocation) -> {
			Pageable pageable = invocation.getArgument(1);
			return new PageImpl<>(history.getContent(), pageable, history.getTotalElements());
		});
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class FixedClock {

		@Bean
		Clock clock() {
			return Clock.fixed(NOW, ZoneOffset.UTC);
		}

	}

}
