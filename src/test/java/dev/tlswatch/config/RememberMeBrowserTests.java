package dev.tlswatch.config;

import java.time.Duration;
import java.util.UUID;

import dev.tlswatch.account.AccountUser;
import dev.tlswatch.account.Accounts;
import dev.tlswatch.account.Role;
import dev.tlswatch.support.Browser;
import dev.tlswatch.support.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Keep me signed in" in a real browser: with the box ticked, the dashboard still opens
 * after the session cookie is gone; disabling the user ends both the session and the
 * remembered sign-in.
 */
@IntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "server.address=127.0.0.1")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RememberMeBrowserTests {

	private static final String PASSWORD = "remember-me-password";

	@LocalServerPort
	private int port;

	@Autowired
	private Accounts accounts;

	private Browser browser;

	@BeforeAll
	void startTheBrowser() {
		this.browser = Browser.start();
	}

	@AfterAll
	void stopTheBrowser() {
		if (this.browser != null) {
			this.browser.close();
		}
	}

	@Test
	void aRememberedSignInOutlivesTheSessionCookieUntilTheUserIsDisabled() {
		String username = "remember-" + UUID.randomUUID().toString().substring(0, 8);
		AccountUser user = this.accounts.create(username, PASSWORD, Role.VIEWER);
		var driver = this.browser.driver();
		driver.manage().deleteAllCookies();
		driver.get(baseUrl() + "/login");
		driver.findElement(By.name("username")).sendKeys(username);
		driver.findElement(By.name("password")).sendKeys(PASSWORD);
		driver.findElement(By.name("remember-me")).click();
		driver.findElement(By.cssSelector("form[action$='/login'] button[type=submit]")).click();
		new WebDriverWait(driver, Duration.ofSeconds(20)).until((page) -> !page.getCurrentUrl().contains("/login"));
		assertThat(driver.manage().getCookieNamed(SecurityConfiguration.REMEMBER_ME_COOKIE)).isNotNull();

		driver.manage().deleteCookieNamed("JSESSIONID");
		assertThat(driver.manage().getCookieNamed("JSESSIONID")).isNull();
		driver.get(baseUrl() + "/endpoints");

		assertThat(driver.getCurrentUrl()).isEqualTo(baseUrl() + "/endpoints");
		assertThat(driver.findElement(By.cssSelector(".site-user__name")).getText()).isEqualTo(username);
		Cookie session = driver.manage().getCookieNamed("JSESSIONID");
		assertThat(session).as("a new session for the remembered user").isNotNull();

		this.accounts.setEnabled(user.id(), false);
		driver.get(baseUrl() + "/endpoints");

		assertThat(driver.getCurrentUrl()).isEqualTo(baseUrl() + "/login");
		driver.manage().deleteCookieNamed("JSESSIONID");
		driver.get(baseUrl() + "/endpoints");
		assertThat(driver.getCurrentUrl()).isEqualTo(baseUrl() + "/login");
	}

	private String baseUrl() {
		return "http://127.0.0.1:" + this.port;
	}

}
