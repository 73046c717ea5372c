package dev.tlswatch.web;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.tlswatch.account.Accounts;
import dev.tlswatch.account.ApiTokens;
import dev.tlswatch.account.CreatedToken;
import dev.tlswatch.account.Role;
import dev.tlswatch.alert.AlertState;
import dev.tlswatch.alert.Alerts;
import dev.tlswatch.endpoint.EndpointDetails;
import dev.tlswatch.endpoint.EndpointDraft;
import dev.tlswatch.endpoint.Endpoints;
import dev.tlswatch.endpoint.TlsMode;
import dev.tlswatch.scan.ScanDetails;
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
 * The dashboard on a 390 pixel phone, for a viewer and for a signed-out visitor, in
 * headless Chromium against the running application: no page scrolls sideways, the
 * navigation folds behind a menu button, htmx and our script keep to the
 * Content-Security-Policy, a viewer sees no button it may not use, and the small things
 * (one confirmation, plurals, timestamps, the alert filter, discover's progress, the leaf
 * shown once) hold.
 * <p>
 * Phone screenshots are left in {@code target/screenshots}.
 */
@IntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "server.address=127.0.0.1")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EverywhereBrowserTests {

	private static final Duration WAIT = Duration.ofSeconds(30);

	private static final int PHONE_WIDTH = 390;

	private static final String VIEWER = "phone-viewer";

	private static final String VIEWER_PASSWORD = "phone-viewer-password";

	/** Why the page is wider than the window, if it is: the elements that stick out. */
	private static final String OVERFLOW = """
			const width = arguments[0];
			const wide = [];
			document.querySelectorAll('body *').forEach((element) => {
			  const box = element.getBoundingClientRect();
			  if (box.width === 0 || box.right <= width + 0.5) {
			    return;
			  }
			  for (let parent = element.parentElement; parent && parent !== document.body;
			      parent = parent.parentElement) {
			    if (getComputedStyle(parent).overflowX !== 'visible') {
			      return;
			    }
			  }
			  wide.push(element.tagName.toLowerCase() + (element.id ? '#' + element.id : '')
			    + (typeof element.className === 'string' && element.className.trim()
			      ? '.' + element.className.trim().split(/\\s+/).join('.') : '') + ' ends at ' + Math.round(box.right));
			});
			return { scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth,
			  wide: wide.slice(0, 10) };""";

	@LocalServerPort
	private int port;

	@Autowired
	private Endpoints endpoints;

	@Autowired
	private Scans scans;

	@Autowired
	private Alerts alerts;

	@Autowired
	private Accounts accounts;

	@Autowired
	private ApiTokens tokens;

	@Autowired
	private TestAdmin admin;

	private final List<TestTlsServer> servers = new ArrayList<>();

	private Browser browser;

	private EndpointDetails endpoint;

	private ScanDetails scan;

	@BeforeAll
	void registerAnExpiringEndpointScanItAndStartTheBrowser() {
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		TestTlsServer server = TestTlsServer
			.start(TestCertificates.leaf("a-long-name-that-must-wrap-on-a-phone.everywhere.tlswatch.test")
				.dnsNames("localhost")
				.validity(now.minus(Duration.ofDays(80)), now.plus(Duration.ofDays(5)))
				.issuedBy(TestTrustBundle.ca()));
		this.servers.add(server);
		// Paused: only this test's scan runs.
		this.endpoint = this.endpoints.register(new EndpointDraft("127.0.0.1", server.port(), TlsMode.IMPLICIT,
				"localhost", 60, List.of("everywhere", "phone"), false));
		this.scan = this.scans.scanNow(this.endpoint.id());
		if (this.accounts.find(VIEWER).isEmpty()) {
			this.accounts.create(VIEWER, VIEWER_PASSWORD, Role.VIEWER);
		}
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
	void noPageScrollsSidewaysOnAPhoneTheMenuFoldsAndNothingBreaksTheContentSecurityPolicy() {
		List<String> pages = List.of("/", "/endpoints", "/endpoints/" + this.endpoint.id(), "/endpoints/new",
				"/endpoints/" + this.endpoint.id() + "/edit", "/alerts", "/settings", "/users", "/tokens", "/audit",
				"/discover", "/endpoints/import");
		Path screenshots = Path.of("target", "screenshots");
		open("/");
		assertThat(this.browser.driver().findElement(By.cssSelector(".nav-toggle")).isDisplayed())
			.as("no menu button on a desktop")
			.isFalse();
		assertThat(this.browser.driver().findElement(By.cssSelector(".site-nav")).isDisplayed()).isTrue();
		Object widths = this.browser.script("return ['.site-header__inner', '.brand', '.site-nav', '.site-user']"
				+ ".map((s) => s + ' ' + JSON.stringify(document.querySelector(s).getBoundingClientRect()))");
		assertThat(this.browser.script("return document.querySelector('.site-nav').getBoundingClientRect().top"
				+ " < document.querySelector('.brand').getBoundingClientRect().bottom"))
			.as("brand and navigation share the header's line on a desktop: %s", widths)
			.isEqualTo(true);
		try {
			this.browser.emulatePhone(PHONE_WIDTH, 844);
			for (String page : pages) {
				open(page);
				assertFitsThePhone(page);
				assertNoCspViolation(page);
			}
			this.browser.saveFullPageScreenshot(screenshots.resolve("audit-phone.png"));

			// The menu: folded behind its button, and it fits when open.
			open("/endpoints/" + this.endpoint.id());
			WebElement menu = this.browser.driver().findElement(By.cssSelector(".nav-toggle"));
			WebElement nav = this.browser.driver().findElement(By.cssSelector(".site-nav"));
			assertThat(menu.isDisplayed()).isTrue();
			assertThat(menu.getAttribute("aria-expanded")).isEqualTo("false");
			assertThat(nav.isDisplayed()).as("the navigation is folded").isFalse();
			menu.click();
			assertThat(menu.getAttribute("aria-expanded")).isEqualTo("true");
			assertThat(nav.isDisplayed()).isTrue();
			assertThat(nav.findElement(By.linkText("Alerts")).isDisplayed()).isTrue();
			assertFitsThePhone("the endpoint page with the menu open");
			this.browser.saveFullPageScreenshot(screenshots.resolve("menu-phone.png"));
			menu.click();
			assertThat(nav.isDisplayed()).isFalse();
			this.browser.saveFullPageScreenshot(screenshots.resolve("endpoint-phone.png"));

			// "Scan now" swaps the page in with htmx: still no inline style, still fits.
			this.browser.driver().findElement(By.cssSelector("form.page-head__action button")).click();
			new WebDriverWait(this.browser.driver(), WAIT).until(ExpectedConditions
				.textToBePresentInElementLocated(By.cssSelector("main .notice"), "Scan finished:"));
			assertFitsThePhone("the endpoint page after Scan now");
			assertNoCspViolation("the endpoint page after Scan now");

			// Discover with results: the table scrolls inside its own box.
			open("/discover");
			fill("host", "localhost");
			this.browser.driver().findElement(By.cssSelector("#discover-form button[type=submit]")).click();
			new WebDriverWait(this.browser.driver(), WAIT)
				.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("main h2#discover-caption")));
			assertFitsThePhone("discover with its results");
			assertNoCspViolation("discover with its results");

			open("/endpoints");
			this.browser.saveFullPageScreenshot(screenshots.resolve("endpoints-phone.png"));
			assertThat(this.browser.consoleErrors()).isEmpty();
		}
		finally {
			this.browser.resetEmulation();
		}
	}

	@Test
	void theRecorderSeesAViolationSoItsSilenceMeansNone() {
		open("/alerts");
		assertNoCspViolation("the alerts page");
		assertThat(this.browser.script("return document.querySelectorAll('style').length"))
			.as("htmx injected no indicator styles")
			.isEqualTo(0L);
		assertThat(this.browser.script("return htmx.config.includeIndicatorStyles")).isEqualTo(false);

		this.browser.script("""
				const style = document.createElement('style');
				style.textContent = 'body { color: red; }';
				document.head.appendChild(style);""");

		new WebDriverWait(this.browser.driver(), WAIT).until((driver) -> "1"
			.equals(this.browser.script("return document.documentElement.dataset.cspViolations || null")));
		assertThat(this.browser.script("return document.documentElement.dataset.cspViolation")).asString()
			.startsWith("style-src");
		// The browser logs the refused style too; read it so that other tests see a clean
		// log.
		assertThat(this.browser.consoleErrors()).anyMatch((line) -> line.contains("Content Security Policy"));
	}

	@Test
	void theLoginPageShowsNoNavigationToASignedOutVisitorAndFitsAPhone() {
		try (Browser visitor = Browser.start()) {
			visitor.emulatePhone(PHONE_WIDTH, 844);
			visitor.driver().get(baseUrl() + "/login");

			assertThat(visitor.driver().findElements(By.cssSelector(".site-nav, .nav-toggle, .site-user"))).isEmpty();
			assertThat(visitor.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Sign in to TLSWatch");
			@SuppressWarnings("unchecked")
			Map<String, Object> fit = (Map<String, Object>) visitor.script(OVERFLOW, PHONE_WIDTH);
			assertThat((Long) fit.get("scrollWidth")).as("login: %s", fit)
				.isLessThanOrEqualTo((Long) fit.get("innerWidth"));
			assertThat(visitor.script("return document.documentElement.dataset.cspViolations || null")).isNull();
			visitor.saveFullPageScreenshot(Path.of("target", "screenshots", "login-phone.png"));
			assertThat(visitor.consoleErrors()).isEmpty();
		}
	}

	@Test
	void aViewerSeesNoButtonItMayNotUse() {
		Eventually.await(WAIT, "an open alert of the endpoint",
				() -> this.alerts.activeFor(this.endpoint.id())
					.stream()
					.anyMatch((alert) -> alert.state() == AlertState.OPEN));
		try (Browser viewer = Browser.start()) {
			viewer.signIn(baseUrl(), VIEWER, VIEWER_PASSWORD);
			String id = Long.toString(this.endpoint.id());

			viewer.driver().get(baseUrl() + "/");
			assertThat(viewer.driver().findElements(By.cssSelector("main .page-head a.button"))).as("Add endpoint")
				.isEmpty();
			assertThat(viewer.driver().findElements(By.cssSelector(".site-nav a[href='/discover']"))).isEmpty();

			viewer.driver().get(baseUrl() + "/endpoints");
			assertThat(viewer.driver().findElement(By.cssSelector("tr[data-endpoint-id='" + id + "']")).isDisplayed())
				.isTrue();
			assertThat(
					viewer.driver()
						.findElements(By.cssSelector(
								"#add-endpoint, #import-link, #bulk, #select-all, " + "input[data-select-row]")))
				.isEmpty();
			assertThat(viewer.driver().findElement(By.id("export-csv")).isDisplayed()).as("reading is allowed")
				.isTrue();

			viewer.driver().get(baseUrl() + "/endpoints/" + id);
			assertThat(viewer.driver().findElement(By.tagName("h1")).getText()).isEqualTo(this.endpoint.displayName());
			assertThat(viewer.driver().findElements(By.cssSelector("form.page-head__action, #edit-endpoint")))
				.as("Scan now and Edit")
				.isEmpty();
			assertThat(viewer.driver().findElements(By.xpath("//button[normalize-space()='Scan now']"))).isEmpty();

			for (String form : List.of("/endpoints/new", "/endpoints/" + id + "/edit")) {
				viewer.driver().get(baseUrl() + form);
				assertThat(viewer.driver().findElement(By.id("viewer-notice")).getText()).as(form)
					.contains("Operator role");
				assertThat(viewer.driver().findElements(By.cssSelector("main button[type=submit]"))).as(form).isEmpty();
			}

			viewer.driver().get(baseUrl() + "/alerts?endpointId=" + id);
			assertThat(viewer.driver().findElements(By.cssSelector("#alerts tbody tr"))).isNotEmpty();
			assertThat(viewer.driver()
				.findElements(By.xpath("//main//button[normalize-space()='Acknowledge' or normalize-space()='Mute']")))
				.isEmpty();
			assertThat(viewer.driver().findElements(By.cssSelector("#alerts form"))).isEmpty();

			viewer.driver().get(baseUrl() + "/discover");
			assertThat(viewer.driver().findElement(By.id("viewer-notice")).getText()).contains("Operator role");
			assertThat(viewer.driver().findElements(By.cssSelector("#discover-form, .discover-register"))).isEmpty();

			viewer.driver().get(baseUrl() + "/endpoints/import");
			assertThat(viewer.driver().findElement(By.id("viewer-notice")).getText()).contains("Operator role");
			assertThat(viewer.driver().findElements(By.cssSelector("input[type=file], main button"))).isEmpty();

			viewer.driver().get(baseUrl() + "/settings");
			assertThat(viewer.driver().findElements(By.cssSelector("#test-mail-to, #channel-form"))).isEmpty();
			assertThat(viewer.driver()
				.findElements(By.xpath("//main//button[normalize-space()='Send test' or normalize-space()='Delete']")))
				.isEmpty();
			assertThat(viewer.driver()
				.findElements(By.cssSelector(".site-nav a[href='/users'], " + ".site-nav a[href='/audit']"))).isEmpty();
			assertThat(viewer.consoleErrors()).isEmpty();
		}
	}

	@Test
	void theEndpointListShowsGradeAndTlsMode() {
		open("/endpoints");
		WebElement row = this.browser.driver()
			.findElement(By.cssSelector("tr[data-endpoint-id='" + this.endpoint.id() + "']"));

		assertThat(row.findElement(By.cssSelector("td[data-label=TLS]")).getText()).isEqualTo("Implicit TLS");
		String grade = this.scan.results().get(0).grade().letter().displayName();
		WebElement gradeCell = row.findElement(By.cssSelector("td[data-label=Grade] .grade"));
		assertThat(gradeCell.getText()).isEqualTo(grade);
		assertThat(gradeCell.getAttribute("class")).startsWith("grade grade--small grade--");
		assertThat(this.browser.driver().findElements(By.cssSelector("#endpoints thead th")))
			.extracting(WebElement::getText)
			.contains("GRADE", "TLS");
	}

	@Test
	void deletingAndRevokingAskOnce() {
		CreatedToken doomed = this.tokens.create(this.admin.username(), "asked once", Role.VIEWER, null);
		open("/tokens");
		countConfirmations(false);
		By revoke = By.cssSelector("tr[data-token-id='" + doomed.details().id() + "'] form button");
		this.browser.driver().findElement(revoke).click();
		assertThat(this.browser.script("return sessionStorage.getItem('asked')")).as("refused: asked once")
			.isEqualTo("1");
		assertThat(this.browser.driver().findElement(revoke).isDisplayed()).as("nothing was sent").isTrue();

		countConfirmations(true);
		this.browser.driver().findElement(revoke).click();
		new WebDriverWait(this.browser.driver(), WAIT).until(ExpectedConditions.numberOfElementsToBe(revoke, 0));
		assertThat(this.browser.script("return sessionStorage.getItem('asked')")).as("confirmed: asked once")
			.isEqualTo("1");

		EndpointDetails doomedEndpoint = this.endpoints.register(new EndpointDraft("127.0.0.1",
				this.servers.get(0).port(), TlsMode.IMPLICIT, "asked-once.tlswatch.test", 60, List.of(), false));
		open("/endpoints/" + doomedEndpoint.id() + "/edit");
		countConfirmations(true);
		this.browser.driver().findElement(By.cssSelector("form.form--danger button")).click();
		new WebDriverWait(this.browser.driver(), WAIT).until(ExpectedConditions.urlMatches("/endpoints$"));
		assertThat(this.browser.script("return sessionStorage.getItem('asked')")).isEqualTo("1");
		assertThat(this.endpoints.find(doomedEndpoint.id())).isEmpty();
		this.browser.script("sessionStorage.clear()");
	}

	@Test
	void timestampsReadAlikeEverywhereAndCountsHaveTheirPlural() {
		this.tokens.create(this.admin.username(), "expiring", Role.VIEWER, Instant.now().plus(Duration.ofDays(30)));
		open("/tokens");
		List<WebElement> times = this.browser.driver().findElements(By.cssSelector("#tokens time"));
		assertThat(times).isNotEmpty().allSatisfy((time) -> {
			assertThat(time.getAttribute("datetime")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
			assertThat(time.getText()).as("formatted by the page's script, not raw ISO-8601")
				.doesNotContain("T0", "T1", "T2", "Z")
				.isNotBlank();
		});
		WebElement expires = this.browser.driver()
			.findElement(By.xpath("//table[@id='tokens']//tr[th[normalize-space()='expiring']]/td/time"));
		assertThat(expires.getText()).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d");

		open("/users");
		int users = this.browser.driver().findElements(By.cssSelector("#users tbody tr")).size();
		assertThat(this.browser.driver().findElement(By.cssSelector(".page-head__meta")).getText())
			.isEqualTo(Fmt.count(users, "user", "users"));
		open("/");
		String endpoints = this.browser.driver().findElement(By.cssSelector(".page-head__meta")).getText();
		assertThat(endpoints).matches("1 endpoint|\\d+ endpoints").isNotEqualTo("1 endpoints");
	}

	@Test
	void theAlertFilterIsStyledLikeTheEndpointFilterAndClears() {
		open("/alerts?state=OPEN&endpointId=" + this.endpoint.id());
		WebElement filter = this.browser.driver().findElement(By.id("alert-filter"));
		assertThat(filter.getCssValue("display")).isEqualTo("flex");
		assertThat(filter.findElements(By.cssSelector(".field label"))).extracting(WebElement::getText)
			.containsExactly("State", "Severity", "Endpoint id");
		assertThat(this.browser.driver().findElement(By.cssSelector("#a-state option:checked")).getText())
			.isEqualTo("Open");

		this.browser.driver().findElement(By.id("clear-filter")).click();

		new WebDriverWait(this.browser.driver(), WAIT).until(ExpectedConditions.urlMatches("/alerts$"));
		assertThat(this.browser.driver().findElements(By.id("clear-filter"))).as("nothing left to clear").isEmpty();
		assertThat(this.browser.driver().findElement(By.id("a-endpoint")).getAttribute("value")).isEmpty();
	}

	@Test
	void discoverShowsItsProgressAndIsBusyWhileItScans() {
		open("/discover");
		WebElement progress = this.browser.driver().findElement(By.id("discover-progress"));
		assertThat(progress.isDisplayed()).as("hidden until a discovery runs").isFalse();
		// Record what the page looked like while the request ran: set synchronously when
		// htmx sends it, seen by the observer before the answer can arrive.
		this.browser.script("""
				window.seen = [];
				new MutationObserver(() => {
				  const main = document.getElementById('main');
				  const progress = document.getElementById('discover-progress');
				  if (main && main.getAttribute('aria-busy') === 'true' && progress
				      && getComputedStyle(progress).display !== 'none') {
				    window.seen.push(progress.textContent.trim());
				  }
				}).observe(document.body, { attributes: true, subtree: true, childList: true });""");
		fill("host", "localhost");
		this.browser.driver().findElement(By.cssSelector("#discover-form button[type=submit]")).click();

		new WebDriverWait(this.browser.driver(), WAIT)
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("main h2#discover-caption")));
		@SuppressWarnings("unchecked")
		List<String> seen = (List<String>) this.browser.script("return window.seen");
		assertThat(seen).isNotEmpty().allSatisfy((text) -> assertThat(text).matches("Trying \\d+ ports of the host…"));
		assertThat(this.browser.driver().findElement(By.id("main")).getAttribute("aria-busy")).isNull();
		assertThat(this.browser.driver().findElement(By.id("discover-progress")).isDisplayed()).isFalse();
		assertThat(this.browser.driver().findElement(By.id("discover-progress")).getAttribute("role"))
			.isEqualTo("status");
		assertNoCspViolation("discover");
	}

	@Test
	void theEndpointPageShowsTheLeafCertificateOnce() {
		open("/endpoints/" + this.endpoint.id());
		String leaf = this.scan.results().get(0).leaf().sha256();

		assertThat(this.browser.driver().findElements(By.cssSelector(".fingerprint-sha256")))
			.extracting(WebElement::getText)
			.containsOnlyOnce(leaf)
			.filteredOn(leaf::equals)
			.hasSize(1);
		WebElement line = this.browser.driver().findElement(By.cssSelector(".chain--leaf a.chain__line"));
		assertThat(line.getAttribute("href")).endsWith("#certificate-title");
		assertThat(this.browser.driver().findElements(By.cssSelector("details.chain[data-sha256='" + leaf + "']")))
			.isEmpty();
	}

	private void countConfirmations(boolean answer) {
		this.browser.script("""
				const answer = arguments[0];
				sessionStorage.setItem('asked', '0');
				window.confirm = () => {
				  sessionStorage.setItem('asked', String(Number(sessionStorage.getItem('asked')) + 1));
				  return answer;
				};""", answer);
	}

	@SuppressWarnings("unchecked")
	private void assertFitsThePhone(String page) {
		Map<String, Object> fit = (Map<String, Object>) this.browser.script(OVERFLOW, PHONE_WIDTH);
		// A page wider than the phone scrolls sideways, or makes the phone zoom out (then
		// the viewport grows past 390 pixels).
		assertThat((Long) fit.get("innerWidth")).as("%s was zoomed out to fit: %s", page, fit.get("wide"))
			.isEqualTo(PHONE_WIDTH);
		assertThat((Long) fit.get("scrollWidth")).as("%s scrolls sideways: %s", page, fit.get("wide"))
			.isLessThanOrEqualTo((Long) fit.get("innerWidth"));
	}

	private void assertNoCspViolation(String page) {
		assertThat(this.browser.script("return document.documentElement.dataset.cspViolation || null"))
			.as("%s: Content-Security-Policy violation", page)
			.isNull();
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
