package dev.tlswatch.web;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import dev.tlswatch.alert.AlertDetails;
import dev.tlswatch.alert.AlertState;
import dev.tlswatch.alert.Alerts;
import dev.tlswatch.endpoint.EndpointDetails;
import dev.tlswatch.endpoint.EndpointDraft;
import dev.tlswatch.endpoint.Endpoints;
import dev.tlswatch.endpoint.TlsMode;
import dev.tlswatch.scan.Scans;
import dev.tlswatch.support.Browser;
import dev.tlswatch.support.Eventually;
import dev.tlswatch.support.IntegrationTest;
import dev.tlswatch.support.TestAdmin;
import dev.tlswatch.support.TestCertificates;
import dev.tlswatch.support.TestTlsServer;
import dev.tlswatch.support.TestTrustBundle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The endpoint page's certificate panels and the alerts page's acknowledge button in
 * headless Chromium: a real scan of an in-process TLS server whose certificate expires in
 * a few days opens a real alert, the browser acknowledges it, and the PEM it downloads
 * from a certificate panel is the certificate the panel describes.
 */
@IntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "server.address=127.0.0.1")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EndpointPageBrowserTests {

	private static final Duration WAIT = Duration.ofSeconds(30);

	@LocalServerPort
	private int port;

	@Autowired
	private Endpoints endpoints;

	@Autowired
	private Scans scans;

	@Autowired
	private Alerts alerts;

	@Autowired
	private TestAdmin admin;

	private final List<TestTlsServer> servers = new ArrayList<>();

	private Browser browser;

	private TestCertificates.Issued certificate;

	private EndpointDetails endpoint;

	@BeforeAll
	void registerAnEndpointWhoseCertificateExpiresSoonScanItAndStartTheBrowser() {
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		this.certificate = TestCertificates.leaf("panel.tlswatch.test")
			.dnsNames("localhost", "panel.tlswatch.test")
			.ipAddresses("127.0.0.1")
			.validity(now.minus(Duration.ofDays(86)), now.plus(Duration.ofDays(4)).plus(Duration.ofHours(2)))
			.issuedBy(TestTrustBundle.ca());
		TestTlsServer server = TestTlsServer.start(this.certificate);
		this.servers.add(server);
		// Paused: only this test's scan runs.
		this.endpoint = this.endpoints.register(new EndpointDraft("127.0.0.1", server.port(), TlsMode.IMPLICIT,
				"localhost", 60, List.of("panel"), false));
		this.scans.scanNow(this.endpoint.id());
		this.browser = Browser.start();
		this.browser.signIn(baseUrl(), this.admin.username(), this.admin.password());
	}

	@AfterAll
	void stopBrowserAndServers() {
		if (this.browser != null) {
			this.browser.close();
		}
		this.servers.forEach(TestTlsServer::close);
	}

	@Test
	void operatorAcknowledgesTheExpiryAlertOnTheAlertsPage() throws Exception {
		Eventually.await(WAIT, "an open alert of the endpoint",
				() -> !this.alerts.activeFor(this.endpoint.id())
					.stream()
					.filter((alert) -> alert.state() == AlertState.OPEN)
					.toList()
					.isEmpty());
		AlertDetails alert = this.alerts.activeFor(this.endpoint.id())
			.stream()
			.filter((candidate) -> candidate.state() == AlertState.OPEN)
			.findFirst()
			.orElseThrow();
		open("/alerts?endpointId=" + this.endpoint.id());
		By row = By.cssSelector("#alerts tr[data-alert-id='" + alert.id() + "']");
		assertThat(this.browser.driver().findElement(row).findElement(By.cssSelector("td[data-label=State]")).getText())
			.startsWith("Open");
		this.browser.script("window.notReloaded = true");

		this.browser.driver()
			.findElement(row)
			.findElement(By.xpath(".//button[normalize-space()='Acknowledge']"))
			.click();

		new WebDriverWait(this.browser.driver(), WAIT).until(ExpectedConditions
			.textToBePresentInElementLocated(By.cssSelector("main .notice"), "Alert acknowledged."));
		WebElement state = this.browser.driver().findElement(row).findElement(By.cssSelector("td[data-label=State]"));
		assertThat(state.getText()).isEqualTo("Acknowledged by " + this.admin.username());
		assertThat(this.browser.driver()
			.findElement(row)
			.findElements(By.xpath(".//button[normalize-space()='Acknowledge']")))
			.as("an acknowledged alert cannot be acknowledged again")
			.isEmpty();
		assertThat(this.browser.script("return window.notReloaded")).as("htmx swapped the page").isEqualTo(true);
		assertThat(this.browser.consoleErrors()).isEmpty();

		AlertDetails stored = this.alerts.find(alert.id()).orElseThrow();
		assertThat(stored.state()).isEqualTo(AlertState.ACKNOWLEDGED);
		assertThat(stored.acknowledgedBy()).isEqualTo(this.admin.username());
		HttpResponse<String> api = get("/api/v1/alerts/" + alert.id());
		assertThat(api.statusCode()).isEqualTo(200);
		assertThat(api.body().replace(" ", "")).contains("\"state\":\"ACKNOWLEDGED\"",
				"\"acknowledgedBy\":\"" + this.admin.username() + "\"");
	}

	@Test
	void leafPanelShowsNamesValidityAndFingerprintsAndItsPemIsTheCertificateShown() throws Exception {
		String sha256 = hex("SHA-256", this.certificate.certificate().getEncoded());
		open("/endpoints/" + this.endpoint.id());
		// The chain names the leaf in one line that leads to the Certificate card, which
		// shows it in full: the leaf is not shown twice.
		WebElement line = this.browser.driver()
			.findElement(By.cssSelector(".chain--leaf[data-sha256='" + sha256 + "'] a.chain__line"));
		assertThat(line.findElement(By.cssSelector(".chain__index")).getText()).isEqualToIgnoringCase("Leaf");
		assertThat(this.browser.driver().findElements(By.cssSelector("details.chain[data-sha256='" + sha256 + "']")))
			.isEmpty();

		line.click();

		assertThat(this.browser.driver().getCurrentUrl()).endsWith("#certificate-title");
		WebElement leaf = this.browser.driver().findElement(By.cssSelector("[aria-labelledby=certificate-title]"));
		List<String> names = leaf.findElements(By.cssSelector("ul.names li"))
			.stream()
			.map(WebElement::getText)
			.toList();
		assertThat(names).contains("localhost", "panel.tlswatch.test", "127.0.0.1");
		WebElement shownSha256 = leaf.findElement(By.cssSelector(".fingerprint-sha256"));
		assertThat(shownSha256.isDisplayed()).isTrue();
		assertThat(shownSha256.getText()).isEqualTo(sha256);
		String sha1 = leaf.findElement(By.cssSelector(".fingerprint-sha1")).getText();
		assertThat(sha1).isEqualTo(hex("SHA-1", this.certificate.certificate().getEncoded()));
		WebElement meter = leaf.findElement(By.cssSelector("meter.validity__bar"));
		assertThat(meter.isDisplayed()).isTrue();
		assertThat(Double.parseDouble(meter.getAttribute("max"))).isEqualTo(90.08);
		assertThat(Double.parseDouble(meter.getAttribute("value"))).isBetween(85.0, 87.0);
		assertThat(meter.getAttribute("aria-label")).isEqualTo("Validity: today is day 87 of 91");
		assertThat(leaf.findElements(By.cssSelector(".validity time"))).hasSize(2)
			.allSatisfy((time) -> assertThat(time.getText()).as("app.js adds the relative form").contains(" · "));
		assertThat(leaf.findElement(By.cssSelector(".validity .expiry")).getText()).startsWith("4 days left");
		assertThat(this.browser.consoleErrors()).isEmpty();
		this.browser.saveFullPageScreenshot(Path.of("target", "screenshots", "certificate-panel.png"));

		WebElement link = leaf.findElement(By.cssSelector("a.pem-download"));
		assertThat(link.getAttribute("download")).isNotNull();
		HttpResponse<byte[]> pem = getBytes(URI.create(link.getAttribute("href")).getPath());
		assertThat(pem.statusCode()).isEqualTo(200);
		assertThat(pem.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/x-pem-file"));
		assertThat(pem.headers().firstValue("Content-Disposition"))
			.hasValue("attachment; filename=\"panel.tlswatch.test-" + sha256.substring(0, 12) + ".pem\"");
		X509Certificate downloaded = (X509Certificate) CertificateFactory.getInstance("X.509")
			.generateCertificate(new ByteArrayInputStream(pem.body()));
		assertThat(hex("SHA-256", downloaded.getEncoded())).isEqualTo(shownSha256.getText());
	}

	private HttpResponse<String> get(String path) throws Exception {
		try (HttpClient http = HttpClient.newHttpClient()) {
			return http.send(request(path), HttpResponse.BodyHandlers.ofString());
		}
	}

	private HttpResponse<byte[]> getBytes(String path) throws Exception {
		try (HttpClient http = HttpClient.newHttpClient()) {
			return http.send(request(path), HttpResponse.BodyHandlers.ofByteArray());
		}
	}

	private HttpRequest request(String path) {
		return HttpRequest.newBuilder(URI.create(baseUrl() + path))
			.header("Authorization", this.admin.authorization())
			.timeout(WAIT)
			.build();
	}

	private static String hex(String algorithm, byte[] der) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(der));
	}

	private void open(String path) {
		this.browser.driver().get(baseUrl() + path);
	}

	private String baseUrl() {
		return "http://127.0.0.1:" + this.port;
	}

}
