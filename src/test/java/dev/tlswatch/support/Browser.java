package dev.tlswatch.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium for page tests, driven by the system's ChromeDriver, both found on
 * the {@code PATH} (and installed there on Debian/Ubuntu as root) by
 * {@link BrowserBinaries}. Chromium runs with a throw-away profile and without any
 * background traffic (updates, sync, safe browsing...); it resolves no host name but
 * {@code localhost}, so a page can reach nothing but the servers the test started on
 * loopback.
 */
public final class Browser implements AutoCloseable {

	/** A laptop-sized window. */
	public static final Dimension DESKTOP = new Dimension(1280, 900);

	private final ChromeDriver driver;

	private final Path profile;

	private Browser(ChromeDriver driver, Path profile) {
		this.driver = driver;
		this.profile = profile;
	}

	/**
	 * Start Chromium with a laptop-sized window.
	 * @return the running browser
	 */
	public static Browser start() {
		return start(DESKTOP);
	}

	/**
	 * Start Chromium.
	 * @param windowSize the window size
	 * @return the running browser
	 */
	public static Browser start(Dimension windowSize) {
		BrowserBinaries binaries = BrowserBinaries.locate();
		Path profile = createProfileDirectory();
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(binaries.chromedriver().toFile())
			.usingAnyFreePort()
			.build();
		ChromeDriver driver = new ChromeDriver(service, options(binaries.chromium(), profile, windowSize));
		driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30)).scriptTimeout(Duration.ofSeconds(10));
		return new Browser(driver, profile);
	}

	private static ChromeOptions options(Path chromium, Path profile, Dimension windowSize) {
		ChromeOptions options = new ChromeOptions();
		options.setBinary(chromium.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--no-default-browser-check", "--disable-default-apps", "--disable-extensions",
				"--disable-client-side-phishing-detection", "--disable-domain-reliability",
				"--safebrowsing-disable-auto-update", "--metrics-recording-only", "--password-store=basic",
				"--use-mock-keychain",
				"--disable-features=Translate,MediaRouter,OptimizationHints,AutofillServerCommunication",
				// Only loopback: any other host name fails to resolve.
				"--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1", "--lang=en-US",
				"--window-size=" + windowSize.getWidth() + "," + windowSize.getHeight(),
				"--user-data-dir=" + profile.toAbsolutePath());
		LoggingPreferences logs = new LoggingPreferences();
		logs.enable(LogType.BROWSER, Level.ALL);
		options.setCapability("goog:loggingPrefs", logs);
		return options;
	}

	public ChromeDriver driver() {
		return this.driver;
	}

	/**
	 * Sign in through the real login page and wait for the page it leads to.
	 * @param baseUrl the application's address, e.g. {@code http://127.0.0.1:8080}
	 * @param username the username
	 * @param password the password
	 */
	public void signIn(String baseUrl, String username, String password) {
		this.driver.get(baseUrl + "/login");
		this.driver.findElement(By.name("username")).sendKeys(username);
		this.driver.findElement(By.name("password")).sendKeys(password);
		this.driver.findElement(By.cssSelector("form[action$='/login'] button[type=submit]")).click();
		new WebDriverWait(this.driver, Duration.ofSeconds(20))
			.until((driver) -> !driver.getCurrentUrl().contains("/login"));
	}

	/**
	 * Run a script in the page.
	 * @param script the script body; {@code return} gives a result
	 * @param arguments values for {@code arguments[i]}
	 * @return the script's result
	 */
	public Object script(String script, Object... arguments) {
		return ((JavascriptExecutor) this.driver).executeScript(script, arguments);
	}

	/**
	 * The console messages and failed loads (404s, CSP violations, script errors) of
	 * level SEVERE since the last call.
	 * @return the messages
	 */
	public List<String> consoleErrors() {
		return this.driver.manage()
			.logs()
			.get(LogType.BROWSER)
			.getAll()
			.stream()
			.filter((entry) -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
			.map(LogEntry::getMessage)
			.toList();
	}

	/**
	 * Emulate the user's colour scheme preference ({@code prefers-color-scheme}).
	 * @param scheme {@code light} or {@code dark}
	 */
	public void preferColorScheme(String scheme) {
		this.driver.executeCdpCommand("Emulation.setEmulatedMedia",
				Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
	}

	/**
	 * Emulate a phone's viewport (desktop windows cannot be made narrower than about 500
	 * pixels).
	 * @param width the viewport width in CSS pixels
	 * @param height the viewport height in CSS pixels
	 */
	public void emulatePhone(int width, int height) {
		this.driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", true));
	}

	/** Undo {@link #emulatePhone} and {@link #preferColorScheme}. */
	public void resetEmulation() {
		this.driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
		this.driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features", List.of()));
	}

	/**
	 * Save a PNG of the whole page, beyond the window's height.
	 * @param file where to write it (parent directories are created)
	 */
	public void saveFullPageScreenshot(Path file) {
		Map<String, Object> metrics = this.driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
		Map<?, ?> content = (Map<?, ?>) metrics.get("cssContentSize");
		Map<String, Object> clip = Map.of("x", 0, "y", 0, "width", content.get("width"), "height",
				content.get("height"), "scale", 1);
		Map<String, Object> shot = this.driver.executeCdpCommand("Page.captureScreenshot",
				Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
		try {
			Files.createDirectories(file.toAbsolutePath().getParent());
			Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Unable to save screenshot " + file, ex);
		}
	}

	@Override
	public void close() {
		try {
			this.driver.quit();
		}
		finally {
			deleteProfile();
		}
	}

	private static Path createProfileDirectory() {
		try {
			return Files.createTempDirectory("tlswatch-chromium-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Unable to create a Chromium profile directory", ex);
		}
	}

	private void deleteProfile() {
		try (Stream<Path> paths = Files.walk(this.profile)) {
			paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
		catch (IOException ex) {
			// A left-over profile in the temporary directory harms nothing.
		}
	}

}
