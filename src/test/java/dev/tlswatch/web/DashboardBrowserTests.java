package dev.tlswatch.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import dev.tlswatch.endpoint.EndpointDetails;
import dev.tlswatch.endpoint.EndpointDraft;
import dev.tlswatch.endpoint.Endpoints;
import dev.tlswatch.endpoint.TlsMode;
import dev.tlswatch.probe.CertificateInfo;
import dev.tlswatch.scan.ScanDetails;
import dev.tlswatch.scan.Scans;
import dev.tlswatch.support.Browser;
import dev.tlswatch.support.Eventually;
import dev.tlswatch.support.IntegrationTest;
import dev.tlswatch.support.TestAdmin;
import dev.tlswatch.support.TestCertificates;
import dev.tlswatch.support.TestSmtp;
import dev.tlswatch.support.TestTcpServer;
import dev.tlswatch.support.TestTlsServer;
import dev.tlswatch.support.TestTrustBundle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The dashboard in headless Chromium against the running application: data goes in
 * through the {@link Endpoints} and {@link Scans} APIs, and real TLS servers on 127.0.0.1
 * present certificates of the trusted test CA, one with the common name
 * {@code <script>alert(1)</script>}. The browser signs in through the login page as the
 * {@link TestAdmin}.
 * <p>
 * Every run leaves screenshots in {@code target/screenshots}.
 */
@IntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "server.address=127.0.0.1")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardBrowserTests {

	private static final String HOSTILE_NAME = "<script>alert(1)</script>";

	/** A TLS port and a plain one beside the well-known ports, for the discover page. */
	private static final TestTlsServer DISCOVERABLE_TLS = TestTlsServer
		.start(TestCertificates.leaf("localhost").dnsNames("localhost").issuedBy(TestTrustBundle.ca()));

	private static final TestTcpServer DISCOVERABLE_PLAIN = TestTcpServer.garbage();

	@DynamicPropertySource
	static void discoveryExtraPorts(DynamicPropertyRegistry registry) {
		registry.add("tlswatch.scan.discovery-extra-ports",
				() -> DISCOVERABLE_TLS.port() + "," + DISCOVERABLE_PLAIN.port());
	}

	@LocalServerPort
	private int port;

	@Autowired
	private Endpoints endpoints;

	@Autowired
	private Scans scans;

	@Autowired
	private TestAdmin admin;

	private final List<TestTlsServer> servers = new ArrayList<>();

	private Browser browser;

	private EndpointDetails endpoint;

	private ScanDetails scan;

	@BeforeAll
	void registerAnEndpointScanItAndStartTheBrowser() {
		TestTlsServer server = startServer(HOSTILE_NAME, Duration.ofDays(12).plusHours(1));
		// Paused: no scheduled scan may add to the history while a test counts it.
		this.endpoint = this.endpoints.register(new EndpointDraft("127.0.0.1", server.port(), TlsMode.IMPLICIT,
				"localhost", 60, List.of("browser"), false));
		this.scan = this.scans.scanNow(this.endpoint.id());
		this.browser = Browser.start();
		this.browser.signIn(baseUrl(), this.admin.username(), this.admin.password());
	}

	@AfterAll
	void stopBrowserAndServers() {
		if (this.browser != null) {
			this.browser.close();
		}
		this.servers.forEach(TestTlsServer::close);
		DISCOVERABLE_TLS.close();
		DISCOVERABLE_PLAIN.close();
	}

	@Test
	void discoverListsTheTlsPortsOfAHostAndRegistersOneWithOneClick() {
		open("/discover");
		assertThat(this.browser.driver().findElement(By.tagName("main")).getText())
			.contains(Integer.toString(DISCOVERABLE_TLS.port()));
		fill("host", "localhost");
		this.browser.driver().findElement(By.cssSelector("main form button[type=submit]")).click();

		WebElement table = new WebDriverWait(this.browser.driver(), Duration.ofSeconds(30))
			.until(ExpectedConditions.visibilityOfElementLocated(By.id("discovered")));
		WebElement tlsRow = row(table, DISCOVERABLE_TLS.port());
		assertThat(tlsRow.findElement(By.cssSelector(".badge")).getText()).isEqualTo("TLS");
		assertThat(tlsRow.getText()).contains("CN=localhost", "TLSv1.3");
		assertThat(row(table, DISCOVERABLE_PLAIN.port()).findElement(By.cssSelector(".badge")).getText())
			.isNotEqualTo("TLS");
		this.browser.saveFullPageScreenshot(Path.of("target", "screenshots", "discover.png"));

		tlsRow.findElement(By.cssSelector("form.discover-register button")).click();
		new WebDriverWait(this.browser.driver(), Duration.ofSeconds(10))
			.until(ExpectedConditions.urlMatches("/endpoints/\\d+$"));
		assertThat(this.browser.driver().findElement(By.tagName("h1")).getText())
			.isEqualTo("localhost:" + DISCOVERABLE_TLS.port());
		assertThat(this.browser.consoleErrors()).isEmpty();
	}

	private static WebElement row(WebElement table, int port) {
		return table.findElements(By.cssSelector("tbody tr"))
			.stream()
			.filter((row) -> row.findElement(By.cssSelector("th")).getText().equals(Integer.toString(port)))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No row for port " + port + " in " + table.getText()));
	}

	@Test
	void endpointListShowsTheRegisteredEndpointWithItsDaysLeft() {
		open("/endpoints");

		WebElement row = this.browser.driver()
			.findElement(By.cssSelector("tr[data-endpoint-id='" + this.endpoint.id() + "']"));
		assertThat(row.findElement(By.cssSelector("th a")).getText()).isEqualTo(this.endpoint.displayName());
		WebElement expiry = row.findElement(By.cssSelector("td.days .expiry"));
		assertThat(expiry.getAttribute("class")).contains("expiry--warning");
		assertThat(expiry.findElement(By.cssSelector("span")).getText()).isEqualTo("12 days");
		assertThat(row.findElement(By.cssSelector(".badge")).getText()).isNotBlank();
		WebElement scannedAt = row.findElement(By.tagName("time"));
		assertThat(scannedAt.getText()).as("app.js shows times relative to now").matches("just now|.* ago");
		assertThat(scannedAt.getAttribute("title"))
			.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d[+-]\\d\\d:\\d\\d.*");
		assertThat(this.browser.script("return typeof htmx")).isEqualTo("object");
		assertThat(this.browser.consoleErrors()).isEmpty();
	}

	@Test
	void endpointPageShowsTheHostileSubjectAsTextAndRunsNoScriptOfIt() {
		open("/endpoints/" + this.endpoint.id());

		CertificateInfo leaf = this.scan.results().get(0).leaf();
		assertThat(leaf.subject()).contains("script");
		assertThat(this.browser.driver().findElement(By.tagName("h1")).getText())
			.isEqualTo(this.endpoint.displayName());
		WebElement subject = this.browser.driver()
			.findElement(By.cssSelector("[aria-labelledby=certificate-title] dl.facts dd"));
		assertThat(subject.getText()).isEqualTo(leaf.subject());
		assertThatExceptionOfType(NoAlertPresentException.class)
			.isThrownBy(() -> this.browser.driver().switchTo().alert());
		assertThat(this.browser.driver().findElements(By.tagName("script")))
			.allSatisfy((script) -> assertThat(script.getAttribute("src")).isNotBlank());
		assertThat(this.browser.consoleErrors()).isEmpty();
	}

	@Test
	void scanNowSwapsTheMainSectionWithoutReloadingThePage() {
		open("/endpoints/" + this.endpoint.id());
		int scansBefore = new WebDriverWait(this.browser.driver(), Duration.ofSeconds(10)).until((driver) -> {
			int rows = driver.findElements(By.cssSelector("#history tbody tr")).size();
			return (rows > 0) ? rows : null;
		});
		this.browser.script("window.notReloaded = true");

		this.browser.driver().findElement(By.cssSelector("form.page-head__action button")).click();

		WebElement notice = new WebDriverWait(this.browser.driver(), Duration.ofSeconds(20))
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("main .notice")));
		assertThat(notice.getText()).startsWith("Scan finished:");
		assertThat(this.browser.script("return window.notReloaded")).isEqualTo(true);
		assertThat(this.browser.driver().findElements(By.cssSelector("#history tbody tr"))).hasSize(scansBefore + 1);
		assertThat(this.browser.script("return document.activeElement.classList.contains('notice')")).isEqualTo(true);
		assertThat(this.browser.consoleErrors()).isEmpty();
	}

	@Test
	void endpointAddedThroughTheFormShowsFieldErrorsThenGetsScannedOnItsPage() {
		TestTlsServer server = startServer("form.tlswatch.test", Duration.ofDays(200));
		open("/endpoints");
		this.browser.driver().findElement(By.linkText("Add endpoint")).click();
		assertThat(this.browser.driver().findElement(By.cssSelector("#tlsMode option:checked")).getText())
			.isEqualTo("Auto (from the port)");

		fill("host", "127.0.0.1");
		fill("port", "70000");
		this.browser.driver().findElement(By.cssSelector("form.form button[type=submit]")).click();

		// The rejected form replaces the page's main section: wait for it
		WebElement portError = new WebDriverWait(this.browser.driver(), Duration.ofSeconds(10))
			.until(ExpectedConditions.visibilityOfElementLocated(By.id("port-error")));
		assertThat(portError.getText()).isEqualTo("Port must be between 1 and 65535");
		assertThat(this.browser.driver().findElement(By.id("port")).getAttribute("aria-invalid")).isEqualTo("true");
		assertThat(this.browser.driver().findElement(By.id("host")).getAttribute("value")).isEqualTo("127.0.0.1");

		fill("port", Integer.toString(server.port()));
		this.browser.driver().findElement(By.cssSelector("details.advanced summary")).click();
		fill("sniName", "localhost");
		fill("tags", "form, browser");
		fill("thresholds", "30, soon");
		this.browser.driver().findElement(By.cssSelector("form.form button[type=submit]")).click();

		// The rejected form replaces the page's main section: wait for it
		WebElement thresholdsError = new WebDriverWait(this.browser.driver(), Duration.ofSeconds(10))
			.until(ExpectedConditions.visibilityOfElementLocated(By.id("thresholds-error")));
		assertThat(this.browser.driver().findElement(By.cssSelector("details.advanced")).getAttribute("open"))
			.as("the advanced options open on their own field's error")
			.isNotNull();
		assertThat(thresholdsError.isDisplayed()).isTrue();
		assertThat(thresholdsError.getText()).startsWith("Thresholds: \u201csoon\u201d must be a number of days");
		assertThat(this.browser.driver().findElement(By.id("tags")).getAttribute("value")).isEqualTo("form, browser");
		this.browser.saveFullPageScreenshot(Path.of("target", "screenshots", "endpoint-form.png"));
		fill("thresholds", "30, 14");
		this.browser.driver().findElement(By.cssSelector("form.form button[type=submit]")).click();

		new WebDriverWait(this.browser.driver(), Duration.ofSeconds(10))
			.until(ExpectedConditions.urlMatches("/endpoints/\\d+$"));
		assertThat(this.browser.driver().findElement(By.cssSelector("main .notice")).getText())
			.startsWith("Endpoint registered.");
		this.browser.driver().findElement(By.cssSelector("form.page-head__action button")).click();
		new WebDriverWait(this.browser.driver(), Duration.ofSeconds(20)).until(
				ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main .notice"), "Scan finished:"));
		assertThat(this.browser.driver()
			.findElement(By.cssSelector("[aria-labelledby=certificate-title] dl.facts dd"))
			.getText()).isEqualTo("CN=form.tlswatch.test");
		assertThat(this.browser.consoleErrors()).as("only the rejected form's status is logged")
			.allMatch((error) -> error.contains("/endpoints/new") && error.contains("status of 422"));
	}

	@Test
	void overviewNumbersMatchTheListTheyLinkToAndTheChartIsDrawn() {
		open("/");

		long total = Long.parseLong(this.browser.driver()
			.findElement(By.cssSelector(".page-head__meta"))
			.getText()
			.replaceAll(" endpoints?$", ""));
		long sum = 0;
		for (WebElement count : this.browser.driver().findElements(By.cssSelector("#status-tiles .tile__count"))) {
			sum += Long.parseLong(count.getText());
		}
		assertThat(sum).isEqualTo(total);
		assertThat(this.browser.script("return Chart.getChart(document.getElementById('expiry-chart')) != null"))
			.isEqualTo(true);
		assertThat(this.browser.consoleErrors()).isEmpty();

		WebElement warning = this.browser.driver()
			.findElement(By.cssSelector("#status-tiles [data-status=WARNING] .tile__count"));
		long warnings = Long.parseLong(warning.getText());
		warning.click();

		assertThat(this.browser.driver().getCurrentUrl()).endsWith("/endpoints?status=WARNING");
		assertThat(this.browser.driver().findElements(By.cssSelector("#endpoints tbody tr"))).hasSize((int) warnings);
		assertThat(this.browser.driver().findElement(By.cssSelector("#f-status option:checked")).getText())
			.isEqualTo("Warning");

		WebElement search = this.browser.driver().findElement(By.id("f-q"));
		search.sendKeys("no-such-endpoint-anywhere");
		search.submit();
		assertThat(this.browser.driver().findElement(By.id("no-match")).getText())
			.startsWith("No endpoint matches this filter.");
	}

	@Test
	void accountPagesShowTheSignedInAdministratorAndKeepToTheContentSecurityPolicy() {
		open("/users");
		assertThat(this.browser.driver().findElement(By.cssSelector(".site-user__name")).getText())
			.isEqualTo(this.admin.username());
		assertThat(this.browser.driver().findElements(By.cssSelector("#users tbody tr th")))
			.anySatisfy((cell) -> assertThat(cell.getText()).isEqualTo(this.admin.username()));
		open("/tokens");
		assertThat(this.browser.driver().findElements(By.cssSelector("#tokens tbody tr"))).as("the tests' own token")
			.isNotEmpty();
		assertThat(this.browser.consoleErrors()).isEmpty();
	}

	@Test
	void swaggerUiRendersUnderTheContentSecurityPolicy() {
		open("/swagger-ui.html");

		WebElement title = new WebDriverWait(this.browser.driver(), Duration.ofSeconds(20))
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".swagger-ui .info .title")));
		assertThat(title.getText()).isNotBlank();
		assertThat(this.browser.driver().findElements(By.cssSelector(".swagger-ui .opblock"))).isNotEmpty();
		assertThat(this.browser.consoleErrors()).as("no Content-Security-Policy violations")
			.noneMatch((line) -> line.contains("Content Security Policy"));
	}

	@Test
	void swaggerUiAuthorizesAndSendsTheSessionsCsrfTokenWhileAMissingOneIsNamed() {
		open("/swagger-ui.html");
		WebElement title = new WebDriverWait(this.browser.driver(), Duration.ofSeconds(20))
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".swagger-ui .info .title")));
		assertThat(title.getText()).startsWith("TLSWatch API");
		assertThat(this.browser.driver().findElements(By.cssSelector(".swagger-ui .auth-wrapper .authorize")))
			.isNotEmpty();

		Object withoutToken = this.browser.driver().executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				fetch('/api/v1/endpoints', { method: 'POST', headers: { 'Content-Type': 'application/json' },
				  body: '{}' }).then((r) => r.text().then((t) => done(r.status + ' ' + t)));""");
		Object throughSwagger = this.browser.driver().executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				Promise.resolve(window.ui.getConfigs().requestInterceptor({ url: '/api/v1/endpoints', method: 'POST',
				  headers: { 'Content-Type': 'application/json' }, body: '{}' }))
				  .then((request) => fetch(request.url, { method: request.method, headers: request.headers,
				    body: request.body }))
				  .then((r) => r.text().then((t) => done(r.status + ' ' + t)));""");

		assertThat(String.valueOf(withoutToken)).startsWith("403 ")
			.contains("CSRF token missing or invalid", "X-CSRF-TOKEN")
			.doesNotContain("Your role does not allow");
		// Past the CSRF check: the empty body is refused by validation, not by security.
		assertThat(String.valueOf(throughSwagger)).matches("(400|422) .*").contains("host");
		// The browser logs both refusals; read them here so that other tests see a clean
		// log.
		assertThat(this.browser.consoleErrors()).allMatch((line) -> line.contains("/api/v1/endpoints"));
	}

	@Test
	void unknownAddressesGetTheLayoutsNotFoundPage() throws Exception {
		try (HttpClient http = HttpClient.newHttpClient()) {
			for (String path : List.of("/endpoints/424242", "/no-such-page")) {
				HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
					.header("Accept", "text/html")
					.header("Authorization", this.admin.authorization())
					.build(), HttpResponse.BodyHandlers.ofString());

				assertThat(response.statusCode()).as(path).isEqualTo(404);
				assertThat(response.body()).as(path)
					.contains("<h1 id=\"error-title\">Not found</h1>", "class=\"site-footer\"")
					.doesNotContain("Exception", "at org.", "at dev.");
			}
		}
	}

	@Test
	void settingsPageSendsATestMailAndShowsInvalidInputWithoutReloading() throws Exception {
		GreenMail smtp = new GreenMail(TestSmtp.setup());
		smtp.start();
		try {
			open("/settings");
			this.browser.script("window.notReloaded = true");
			WebElement to = this.browser.driver().findElement(By.id("test-mail-to"));
			to.sendKeys("browser@tlswatch.test");
			this.browser.driver().findElement(By.cssSelector("form.form button")).click();

			WebElement result = new WebDriverWait(this.browser.driver(), Duration.ofSeconds(20))
				.until(ExpectedConditions.visibilityOfElementLocated(By.id("test-mail-result")));
			assertThat(result.getText()).isEqualTo("Test mail sent to browser@tlswatch.test.");
			// Alert mails of this class's scans may arrive too: look for the test mail.
			Eventually.await(Duration.ofSeconds(10), "the test mail",
					() -> java.util.Arrays.stream(smtp.getReceivedMessagesForDomain("browser@tlswatch.test"))
						.anyMatch((mail) -> {
							try {
								return "TLSWatch test mail".equals(mail.getSubject());
							}
							catch (jakarta.mail.MessagingException ex) {
								throw new IllegalStateException(ex);
							}
						}));
			this.browser.saveFullPageScreenshot(Path.of("target", "screenshots", "settings.png"));

			// Past the browser's own check of type=email, the server answers 422 and htmx
			// swaps in the form with the error.
			this.browser.script("document.querySelector('form.form').noValidate = true");
			this.browser.driver().findElement(By.id("test-mail-to")).sendKeys("<b>not an address");
			this.browser.driver().findElement(By.cssSelector("form.form button")).click();
			WebElement error = new WebDriverWait(this.browser.driver(), Duration.ofSeconds(20))
				.until(ExpectedConditions.visibilityOfElementLocated(By.id("test-mail-error")));
			assertThat(error.getText()).startsWith("Enter one mail address");
			assertThat(this.browser.driver().findElement(By.id("test-mail-to")).getAttribute("value"))
				.isEqualTo("<b>not an address");
			assertThat(this.browser.script("return window.notReloaded")).isEqualTo(true);
			assertThat(smtp.getReceivedMessagesForDomain("browser@tlswatch.test")).as("the refused address got nothing")
				.hasSize(1);
			// Chromium logs every 4xx answer; the 422 is the expected one.
			assertThat(this.browser.consoleErrors())
				.allSatisfy((line) -> assertThat(line).contains("/settings/test-mail", "status of 422"));
		}
		finally {
			smtp.stop();
		}
	}

	/**
	 * Renders a fleet in every state, on a desktop, a phone and in dark mode, and saves
	 * each page to {@code target/screenshots} (the README's pictures are copied from
	 * there into {@code docs/screenshots}).
	 */
	@Test
	void rendersAFleetInEveryStateOnDesktopPhoneAndDarkMode() {
		EndpointDetails healthy = register("localhost", startServer("localhost", Duration.ofDays(211)).port(),
				List.of("prod", "web"));
		List.of(healthy,
				register("localhost", startServer("localhost", Duration.ofDays(3).plusHours(5)).port(),
						List.of("mail", "prod")),
				register("localhost", startServer("localhost", Duration.ofDays(-2)).port(), List.of("staging")),
				register("localhost", TestTcpServer.refusedPort(), List.of("legacy")))
			.forEach((e) -> this.scans.scanNow(e.id()));
		this.scans.scanNow(healthy.id());
		Path review = Path.of("target", "screenshots");

		open("/");
		this.browser.saveFullPageScreenshot(review.resolve("overview.png"));

		open("/endpoints");
		assertThat(this.browser.driver().findElements(By.cssSelector("tbody tr"))).hasSizeGreaterThanOrEqualTo(5);
		this.browser.saveFullPageScreenshot(review.resolve("endpoints.png"));
		open("/endpoints/" + healthy.id());
		assertThat(this.browser.driver().findElements(By.cssSelector("#history tbody tr")))
			.hasSizeGreaterThanOrEqualTo(2);
		this.browser.saveFullPageScreenshot(review.resolve("endpoint.png"));
		assertThat(this.browser.consoleErrors()).isEmpty();
		try {
			this.browser.emulatePhone(390, 844);
			open("/endpoints");
			this.browser.saveFullPageScreenshot(review.resolve("endpoints-phone.png"));
			open("/endpoints/" + healthy.id());
			this.browser.saveFullPageScreenshot(review.resolve("endpoint-phone.png"));
			this.browser.resetEmulation();
			this.browser.preferColorScheme("dark");
			this.browser.saveFullPageScreenshot(review.resolve("endpoint-dark.png"));
			open("/endpoints");
			this.browser.saveFullPageScreenshot(review.resolve("endpoints-dark.png"));
			assertThat(review.resolve("endpoints-dark.png")).isNotEmptyFile();
		}
		finally {
			this.browser.resetEmulation();
		}
	}

	private TestTlsServer startServer(String commonName, Duration validFor) {
		Instant notAfter = Instant.now().plus(validFor).truncatedTo(ChronoUnit.SECONDS);
		TestTlsServer server = TestTlsServer.start(TestCertificates.leaf(commonName)
			.dnsNames("localhost")
			.validity(earliest(Instant.now().minus(Duration.ofHours(1)), notAfter.minus(Duration.ofDays(90))), notAfter)
			.issuedBy(TestTrustBundle.ca()));
		this.servers.add(server);
		return server;
	}

	private static Instant earliest(Instant a, Instant b) {
		return a.isBefore(b) ? a : b;
	}

	private EndpointDetails register(String host, int port, List<String> tags) {
		return this.endpoints.register(new EndpointDraft(host, port, TlsMode.IMPLICIT, "localhost", 60, tags, true));
	}

	private void fill(String field, String value) {
		WebElement input = this.browser.driver().findElement(By.id(field));
		input.clear();
		input.sendKeys(value);
	}

	private void open(String path) {
		this.browser.driver().get(baseUrl() + path);
	}

	private String baseUrl() {
		return "http://127.0.0.1:" + this.port;
	}

}
