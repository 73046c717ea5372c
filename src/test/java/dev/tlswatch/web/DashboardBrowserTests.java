package dev.tlswatch.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.tlswatch.endpoint.EndpointDetails;
import dev.tlswatch.endpoint.EndpointDraft;
import dev.tlswatch.endpoint.Endpoints;
import dev.tlswatch.endpoint.TlsMode;
import dev.tlswatch.probe.TlsProber;
import dev.tlswatch.scan.CertificateDetails;
import dev.tlswatch.scan.ScanDetails;
import dev.tlswatch.scan.Scans;
import dev.tlswatch.support.Browser;
import dev.tlswatch.support.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The dashboard in headless Chromium against the running application: data goes in
 * through the {@link Endpoints} and {@link Scans} APIs, and one real TLS server on
 * 127.0.0.1 presents a certificate whose common name is
 * {@code <script>alert(1)</script>}.
 * <p>
 * <b>Until the endpoint registry and the probe engine are merged</b>, those APIs are
 * answered by {@link StandInModules} (imported below, {@code @Primary}), and the
 * {@link TlsProber} bean is a mock because {@code TlsProber.jsse()} is not built yet. To
 * run against the real modules, delete the {@code @Import(StandIns.class)} line, the
 * {@code StandIns} class, the {@code prober} field and {@link StandInModules}; the tests
 * stay as they are. The test CA is already handed to the real scanner through
 * {@code tlswatch.scan.trust-bundle}.
 * <p>
 * Screenshots for the README: {@code ./mvnw test -Dtest=DashboardBrowserTests
 * -Dscreenshots=true} writes {@code docs/screenshots/endpoints.png} and
 * {@code endpoint.png}.
 */
@IntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "server.address=127.0.0.1")
@Import(DashboardBrowserTests.StandIns.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardBrowserTests {

	static final TestTlsServer.Ca CA = TestTlsServer.Ca.create();

	private static final String HOSTILE_NAME = "<script>alert(1)</script>";

	@MockitoBean
	private TlsProber prober;

	@LocalServerPort
	private int port;

	@Autowired
	private Endpoints endpoints;

	@Autowired
	private Scans scans;

	private final List<TestTlsServer> servers = new ArrayList<>();

	private Browser browser;

	private EndpointDetails endpoint;

	private ScanDetails scan;

	@DynamicPropertySource
	static void trustTheTestCa(DynamicPropertyRegistry registry) throws IOException {
		Path directory = Files.createTempDirectory("tlswatch-browser-tests-");
		directory.toFile().deleteOnExit();
		Path pem = CA.writePem(directory);
		pem.toFile().deleteOnExit();
		registry.add("tlswatch.scan.trust-bundle", pem::toString);
	}

	@BeforeAll
	void registerAnEndpointScanItAndStartTheBrowser() {
		TestTlsServer server = startServer(HOSTILE_NAME, Duration.ofDays(12).plusHours(1));
		// Paused: no scheduled scan may add to the history while a test counts it.
		this.endpoint = this.endpoints.register(new EndpointDraft("127.0.0.1", server.port(), TlsMode.IMPLICIT,
				"localhost", 60, List.of("browser"), false));
		this.scan = this.scans.scanNow(this.endpoint.id());
		this.browser = Browser.start();
	}

	@AfterAll
	void stopBrowserAndServers() {
		if (this.browser != null) {
			this.browser.close();
		}
		this.servers.forEach(TestTlsServer::close);
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

		CertificateDetails leaf = this.scan.results().get(0).leaf();
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
		int scansBefore = this.browser.driver().findElements(By.cssSelector("#history tbody tr")).size();
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
	void unknownAddressesGetTheLayoutsNotFoundPage() throws Exception {
		try (HttpClient http = HttpClient.newHttpClient()) {
			for (String path : List.of("/endpoints/424242", "/no-such-page")) {
				HttpResponse<String> response = http.send(
						HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("Accept", "text/html").build(),
						HttpResponse.BodyHandlers.ofString());

				assertThat(response.statusCode()).as(path).isEqualTo(404);
				assertThat(response.body()).as(path)
					.contains("<h1 id=\"error-title\">Not found</h1>", "class=\"site-footer\"")
					.doesNotContain("Exception", "at org.", "at dev.");
			}
		}
	}

	/**
	 * Writes the README's screenshots; only with {@code -Dscreenshots=true}, so that a
	 * normal build never rewrites tracked files.
	 */
	@Test
	@EnabledIfSystemProperty(named = "screenshots", matches = "true")
	void screenshots() {
		EndpointDetails healthy = register("localhost", startServer("localhost", Duration.ofDays(211)).port(),
				List.of("prod", "web"));
		List.of(healthy,
				register("localhost", startServer("localhost", Duration.ofDays(3).plusHours(5)).port(),
						List.of("mail", "prod")),
				register("localhost", startServer("localhost", Duration.ofDays(-2)).port(), List.of("staging")),
				register("localhost", TestTlsServer.closedPort(), List.of("legacy")))
			.forEach((e) -> this.scans.scanNow(e.id()));
		this.scans.scanNow(healthy.id());
		Path directory = Path.of("docs", "screenshots");

		open("/endpoints");
		this.browser.saveFullPageScreenshot(directory.resolve("endpoints.png"));
		open("/endpoints/" + healthy.id());
		this.browser.saveFullPageScreenshot(directory.resolve("endpoint.png"));

		assertThat(directory.resolve("endpoints.png")).isNotEmptyFile();
		assertThat(directory.resolve("endpoint.png")).isNotEmptyFile();

		// For review only, not tracked: a phone-sized viewport, and dark mode.
		Path review = Path.of("target", "screenshots");
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
		}
		finally {
			this.browser.resetEmulation();
		}
	}

	private TestTlsServer startServer(String commonName, Duration validFor) {
		TestTlsServer server = TestTlsServer.start(CA, commonName, Instant.now().plus(validFor));
		this.servers.add(server);
		return server;
	}

	private EndpointDetails register(String host, int port, List<String> tags) {
		return this.endpoints.register(new EndpointDraft(host, port, TlsMode.IMPLICIT, "localhost", 60, tags, true));
	}

	private void open(String path) {
		this.browser.driver().get(baseUrl() + path);
	}

	private String baseUrl() {
		return "http://127.0.0.1:" + this.port;
	}

	/**
	 * Serves the module APIs from memory until their implementations are merged; delete
	 * with {@link StandInModules}.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class StandIns {

		@Bean
		@Primary
		StandInModules standInModules(Clock clock) {
			return new StandInModules(CA.certificate(), clock);
		}

	}

}
