package dev.tlswatch.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import dev.tlswatch.alert.AlertDetails;
import dev.tlswatch.alert.AlertFilter;
import dev.tlswatch.alert.AlertRule;
import dev.tlswatch.alert.AlertState;
import dev.tlswatch.alert.Alerts;
import dev.tlswatch.alert.InvalidAlertInputException;
import dev.tlswatch.endpoint.Endpoints;
import dev.tlswatch.finding.Severity;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

import static dev.tlswatch.web.WebFixtures.NOW;
import static dev.tlswatch.web.WebFixtures.endpoint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The alerts page: filters, escaping, and the acknowledge and mute forms.
 */
@WebMvcTest(AlertPagesController.class)
@WithMockUser(username = "alice", roles = { "VIEWER", "OPERATOR" })
class AlertPagesControllerTests {

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private Alerts alerts;

	@MockitoBean
	private Endpoints endpoints;

	@Test
	void listsAlertsWithFiltersAndEscapesEveryValue() throws Exception {
		AlertDetails hostile = alert(5, 7L, "certificate <script>alert(1)</script> expires",
				"The certificate CN=<script>alert(2)</script> expires in 3 days.");
		given(this.alerts.list(eq(new AlertFilter(AlertState.OPEN, Severity.CRITICAL, 7L)), any()))
			.willAnswer((invocation) -> new PageImpl<>(List.of(hostile), invocation.<Pageable>getArgument(1), 1));
		given(this.endpoints.findAll(List.of(7L))).willReturn(List.of(endpoint(7, "mail.example.com")));

		String html = this.mvc
			.perform(get("/alerts").param("state", "OPEN").param("severity", "CRITICAL").param("endpointId", "7"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(html).contains("<h1>Alerts</h1>", ">mail.example.com:443<", "href=\"/endpoints/7\"",
				"certificate &lt;script&gt;alert(1)&lt;/script&gt; expires", "CN=&lt;script&gt;alert(2)&lt;/script&gt;",
				"action=\"/alerts/5/acknowledge\"", "action=\"/alerts/5/mute\"",
				"<option value=\"OPEN\" selected=\"selected\">Open</option>",
				"value=\"/alerts?state=OPEN&amp;severity=CRITICAL&amp;endpointId=7\"", "aria-current=\"page\">Alerts<");
		assertThat(html).doesNotContain("<script>alert");
	}

	@Test
	void proberNetworkAlertHasNoEndpointLink() throws Exception {
		given(this.alerts.list(eq(AlertFilter.ALL), any())).willAnswer((invocation) -> new PageImpl<>(
				List.of(alert(6, null, "6 of 8 endpoints unreachable at once", "Network.")),
				invocation.<Pageable>getArgument(1), 1));

		String html = this.mvc.perform(get("/alerts")).andReturn().getResponse().getContentAsString();

		assertThat(html).contains("TLSWatch (own network)", "6 of 8 endpoints unreachable at once");
	}

	@Test
	void acknowledgeAndMuteRedirectBackToTheFilteredList() throws Exception {
		this.mvc.perform(post("/alerts/5/acknowledge").param("back", "/alerts?state=OPEN").with(csrf()))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/alerts?state=OPEN"))
			.andExpect(flash().attribute("alertNotice", "Alert acknowledged."));
		then(this.alerts).should().acknowledge(5, "alice");
		this.mvc.perform(
				post("/alerts/5/mute").param("until", "2026-12-04").param("back", "https://evil.example/").with(csrf()))
			.andExpect(redirectedUrl("/alerts"));
		then(this.alerts).should().mute(5, Instant.parse("2026-12-04T00:00:00Z"), "alice");
	}

	@Test
	void redirectTargetsWithLineBreaksOrOtherHostsGoBackToTheAlertsList() throws Exception {
		for (String hostile : List.of("/alerts\r\nX-Injected:1", "/alerts\nX-Injected:1", "/alerts\u0000",
				"//evil.example/alerts", "/\\evil.example", "/alerts x", "/alerts/\u00e9", "/settings",
				"/alerts?" + "a".repeat(SameSitePath.MAX_LENGTH))) {
			this.mvc.perform(post("/alerts/5/acknowledge").param("back", hostile).with(csrf()))
				.andExpect(status().isFound())
				.andExpect(redirectedUrl("/alerts"));
			this.mvc.perform(post("/alerts/5/mute").param("back", hostile).with(csrf()))
				.andExpect(status().isFound())
				.andExpect(redirectedUrl("/alerts"));
		}
		this.mvc.perform(post("/alerts/5/mute").param("back", "/endpoints/7?tab=alerts%20open#top").with(csrf()))
			.andExpect(redirectedUrl("/endpoints/7?tab=alerts%20open#top"));
	}

	@Test
	void refusedMuteIsShownAsAnError() throws Exception {
		given(this.alerts.mute(eq(5L), any(), eq("alice"))).willThrow(new InvalidAlertInputException(
				List.of(new InvalidAlertInputException.Violation("until", "must be in the future"))));
		this.mvc.perform(post("/alerts/5/mute").param("until", "2001-01-01").with(csrf()))
			.andExpect(redirectedUrl("/alerts"))
			.andExpect(flash().attribute("alertError", "until must be in the future."));
	}

	private static AlertDetails alert(long id, Long endpointId, String title, String message) {
		return new AlertDetails(id, endpointId,
				(endpointId != null) ? AlertRule.CERT_EXPIRING : AlertRule.PROBER_NETWORK, "", Severity.CRITICAL,
				AlertState.OPEN, 3, title, message, "192.0.2.1", null, null, null, null, null,
				NOW.minus(Duration.ofHours(5)), 1L, null, null, null, null, null, null, null, NOW);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class FixedClock {

		@Bean
		Clock clock() {
			return Clock.fixed(NOW, ZoneOffset.UTC);
		}

	}

}
