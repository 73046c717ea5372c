package dev.tlswatch.web;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import dev.tlswatch.endpoint.EndpointDetails;
import dev.tlswatch.endpoint.EndpointDraft;
import dev.tlswatch.endpoint.Endpoints;
import dev.tlswatch.endpoint.TlsMode;
import dev.tlswatch.support.Browser;
import dev.tlswatch.support.IntegrationTest;
import dev.tlswatch.support.TestAdmin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The endpoint list's bulk actions in headless Chromium, signed in as the
 * {@link TestAdmin}: select rows, act, and land on the same filtered list with a notice.
 * Each test registers its own endpoints under a fresh tag and filters the list by it.
 * Same context as {@link DashboardBrowserTests}.
 */
@IntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "server.address=127.0.0.1")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EndpointBulkBrowserTests {

	@LocalServerPort
	private int port;

	@Autowired
	private Endpoints endpoints;

	@Autowired
	private TestAdmin admin;

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
	void disablingTwoSelectedEndpointsShowsThemPausedWithANoticeOnTheSameFilteredList() {
		String tag = uniqueTag();
		List<EndpointDetails> three = register(tag, 3, true);
		open("/endpoints?tag=" + tag + "&sort=status");

		check(three.get(0));
		check(three.get(1));
		assertThat(this.browser.driver().findElement(By.id("bulk-count")).getText()).isEqualTo("(2 selected)");
		this.browser.driver().findElement(By.id("bulk-disable")).click();

		WebElement notice = waitFor(By.id("list-notice"));
		assertThat(notice.getText()).isEqualTo("2 endpoints disabled.");
		assertThat(this.browser.driver().getCurrentUrl()).endsWith("/endpoints?tag=" + tag + "&sort=status");
		assertThat(paused(three.get(0))).isTrue();
		assertThat(paused(three.get(1))).isTrue();
		assertThat(paused(three.get(2))).as("not selected").isFalse();
		assertThat(this.endpoints.get(three.get(2).id()).enabled()).isTrue();
		assertThat(this.browser.consoleErrors()).isEmpty();
	}

	@Test
	void deletingAllOnThePageAsksForConfirmationFirst() {
		String tag = uniqueTag();
		List<EndpointDetails> two = register(tag, 2, false);
		open("/endpoints?tag=" + tag);

		WebElement selectAll = this.browser.driver().findElement(By.id("select-all"));
		assertThat(selectAll.getAccessibleName()).isEqualTo("Select all endpoints on this page");
		selectAll.sendKeys(Keys.SPACE);
		assertThat(this.browser.driver().findElements(By.cssSelector("input[data-select-row]:checked"))).hasSize(2);
		this.browser.driver().findElement(By.id("bulk-delete")).click();

		WebElement doomed = waitFor(By.id("doomed"));
		assertThat(doomed.findElements(By.tagName("li"))).extracting(WebElement::getText)
			.containsExactlyInAnyOrder(two.get(0).displayName(), two.get(1).displayName());
		assertThat(this.endpoints.find(two.get(0).id())).as("not before confirming").isPresent();
		this.browser.driver().findElement(By.id("confirm-delete-button")).click();

		WebElement notice = waitFor(By.id("list-notice"));
		assertThat(notice.getText()).isEqualTo("2 endpoints deleted.");
		assertThat(this.browser.driver().getCurrentUrl()).endsWith("/endpoints?tag=" + tag);
		assertThat(this.browser.driver().findElements(By.cssSelector("tr[data-endpoint-id]"))).isEmpty();
		assertThat(this.endpoints.find(two.get(0).id())).isEmpty();
		assertThat(this.endpoints.find(two.get(1).id())).isEmpty();
		assertThat(this.browser.consoleErrors()).isEmpty();
	}

	@Test
	void cancellingTheDeletionKeepsTheEndpoints() {
		String tag = uniqueTag();
		List<EndpointDetails> one = register(tag, 1, false);
		open("/endpoints?tag=" + tag);

		check(one.get(0));
		this.browser.driver().findElement(By.id("bulk-delete")).click();
		waitFor(By.id("cancel-delete")).click();

		waitFor(By.id("bulk"));
		assertThat(this.browser.driver().getCurrentUrl()).endsWith("/endpoints?tag=" + tag);
		assertThat(this.endpoints.find(one.get(0).id())).isPresent();
	}

	@Test
	void anInvalidTagIsRefusedWithAMessageAndNothingChanges() {
		String tag = uniqueTag();
		List<EndpointDetails> one = register(tag, 1, false);
		open("/endpoints?tag=" + tag);

		check(one.get(0));
		// The browser would refuse the pattern itself; what the server says is tested
		// here.
		this.browser.script("document.getElementById('bulk-tag').removeAttribute('pattern')");
		this.browser.driver().findElement(By.id("bulk-tag")).sendKeys("two words");
		this.browser.driver().findElement(By.id("bulk-add-tag")).click();

		WebElement error = waitFor(By.id("bulk-error"));
		assertThat(error.getText()).contains("letters, digits").endsWith("Nothing was changed.");
		assertThat(this.endpoints.get(one.get(0).id()).tags()).containsExactly(tag);
	}

	private List<EndpointDetails> register(String tag, int count, boolean enabled) {
		// Names the test resolver does not know: a scheduled scan ends at once,
		// unresolved.
		return IntStream.range(0, count)
			.mapToObj((i) -> this.endpoints.register(new EndpointDraft(tag + "-" + i + ".tlswatch.test", 1,
					TlsMode.IMPLICIT, null, 60, List.of(tag), enabled)))
			.toList();
	}

	private void check(EndpointDetails endpoint) {
		this.browser.driver().findElement(By.id("select-" + endpoint.id())).click();
	}

	private boolean paused(EndpointDetails endpoint) {
		return !this.browser.driver()
			.findElements(By.cssSelector("tr[data-endpoint-id='" + endpoint.id() + "'] .endpoint-cell .badge--muted"))
			.isEmpty();
	}

	private WebElement waitFor(By locator) {
		return new WebDriverWait(this.browser.driver(), Duration.ofSeconds(20))
			.until(ExpectedConditions.visibilityOfElementLocated(locator));
	}

	private static String uniqueTag() {
		return "bulk-" + UUID.randomUUID().toString().substring(0, 8);
	}

	private void open(String path) {
		this.browser.driver().get(baseUrl() + path);
	}

	private String baseUrl() {
		return "http://127.0.0.1:" + this.port;
	}

}
