package dev.tlswatch.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import dev.tlswatch.support.Browser;
import dev.tlswatch.support.IntegrationTest;
import dev.tlswatch.support.TestAdmin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The import page in headless Chromium: the list links to it, a CSV file with one bad row
 * is previewed with that row's error, and nothing is imported. Same context as
 * {@link DashboardBrowserTests}.
 */
@IntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "server.address=127.0.0.1")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImportBrowserTests {

	@LocalServerPort
	private int port;

	@Autowired
	private TestAdmin admin;

	@Autowired
	private JdbcTemplate jdbc;

	private Browser browser;

	@BeforeAll
	void startTheBrowser() {
		this.browser = Browser.start();
		this.browser.signIn(baseUrl(), this.admin.username(), this.admin.password());
	}

	@AfterAll
	void stopTheBrowser() {
		if (this.browser != null) {
			this.browser.close();
		}
	}

	@Test
	void aCsvWithOneBadRowShowsThatRowsErrorAndImportsNothing(@TempDir Path dir) throws IOException {
		String good = "browser-import-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
		Path file = dir.resolve("endpoints.csv");
		Files.writeString(file, "host,port,tlsMode,sniName,tags,interval\r\n" + good + ",443,IMPLICIT,,web,\r\n"
				+ "bad host,443,IMPLICIT,,,\r\n", StandardCharsets.UTF_8);

		this.browser.driver().get(baseUrl() + "/endpoints");
		this.browser.driver().findElement(By.id("import-link")).click();
		this.browser.driver().findElement(By.id("file")).sendKeys(file.toString());
		this.browser.driver().findElement(By.cssSelector("form.card button[type=submit]")).click();

		// The preview replaces the page: wait for it
		WebElement badRow = new WebDriverWait(this.browser.driver(), Duration.ofSeconds(10))
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-row='2']")));
		assertThat(badRow.getAttribute("data-valid")).isEqualTo("false");
		assertThat(badRow.findElement(By.cssSelector("ul.field__error")).getText()).startsWith("host ");
		assertThat(this.browser.driver().findElement(By.cssSelector("tr[data-row='1']")).getAttribute("data-valid"))
			.isEqualTo("true");
		assertThat(this.browser.driver().findElement(By.id("import-errors")).getText())
			.contains("Nothing was imported");
		assertThat(this.browser.driver().findElements(By.id("import-confirm"))).isEmpty();
		assertThat(this.jdbc.queryForObject("select count(*) from endpoint where host = ?", Integer.class, good))
			.isZero();
		// The rejected preview answers 422, which Chromium logs as a failed load; nothing
		// else.
		assertThat(this.browser.consoleErrors()).allMatch((error) -> error.contains("status of 422"));
	}

	private String baseUrl() {
		return "http://127.0.0.1:" + this.port;
	}

}
