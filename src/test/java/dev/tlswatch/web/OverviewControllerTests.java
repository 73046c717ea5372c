package dev.tlswatch.web;

import dev.tlswatch.finding.Findings;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import dev.tlswatch.alert.OpenAlertCounts;
import dev.tlswatch.finding.EndpointStatus;
import dev.tlswatch.finding.Severity;
import dev.tlswatch.fleet.Fleet;
import dev.tlswatch.fleet.FleetOverview;
import dev.tlswatch.fleet.FleetOverview.ProtocolUsage;
import dev.tlswatch.fleet.FleetOverview.UpcomingExpiry;
import dev.tlswatch.fleet.FleetOverview.WeekCount;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

import static dev.tlswatch.web.WebFixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(OverviewController.class)
@WithMockUser(username = "viewer", roles = "VIEWER")
@Import(OverviewControllerTests.FixedClock.class)
class OverviewControllerTests {

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private Fleet fleet;

	@MockitoBean
	private OpenAlertCounts alerts;

	@MockitoBean
	private Findings findings;

	@org.junit.jupiter.api.BeforeEach
	void expiryPolicy() {
		org.mockito.BDDMockito.given(this.findings.expiryPolicy(org.mockito.ArgumentMatchers.anyLong()))
			.willReturn(WebFixtures.POLICY);
		org.mockito.BDDMockito.given(this.findings.expiryPolicies(org.mockito.ArgumentMatchers.anyCollection()))
			.willAnswer((invocation) -> WebFixtures.policies(invocation.getArgument(0)));
	}

	@Test
	void numbersLinkToTheFilteredListAndHostileNamesAreEscaped() throws Exception {
		Map<EndpointStatus, Long> byStatus = new EnumMap<>(EndpointStatus.class);
		byStatus.put(EndpointStatus.CRITICAL, 2L);
		byStatus.put(EndpointStatus.UNREACHABLE, 0L);
		byStatus.put(EndpointStatus.WARNING, 3L);
		byStatus.put(EndpointStatus.OK, 7L);
		byStatus.put(EndpointStatus.PENDING, 1L);
		Map<String, Long> grades = new LinkedHashMap<>();
		grades.put("A+", 4L);
		grades.put("F", 1L);
		List<WeekCount> weeks = IntStream.range(0, 13)
			.mapToObj((w) -> new WeekCount(LocalDate.of(2026, 11, 27).plusWeeks(w), (w == 0) ? 2 : 0))
			.toList();
		given(this.fleet.overview()).willReturn(new FleetOverview(13, byStatus,
				List.of(new UpcomingExpiry(5, "<script>alert(1)</script>", 443, NOW.plus(Duration.ofDays(3)))), grades,
				new ProtocolUsage(12, 3, 0, 3, 2, 9, 1), weeks));

		given(this.alerts.openBySeverity()).willReturn(Map.of(Severity.CRITICAL, 4L, Severity.WARNING, 0L));

		String html = this.mvc.perform(get("/"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(html).contains("href=\"/endpoints?status=CRITICAL\"", "<span class=\"tile__count\">2</span>",
				"href=\"/endpoints?status=PENDING\"", "href=\"/endpoints?grade=A%2B\"", "href=\"/endpoints?grade=F\"",
				"href=\"/endpoints?accepts=TLS_1_0\">3<", "href=\"/endpoints?pq=yes\">1<",
				"&lt;script&gt;alert(1)&lt;/script&gt;:443", ">3 days<", "data-counts=\"2,0,0,0,0,0,0,0,0,0,0,0,0\"",
				"data-labels=\"2026-11-27,2026-12-04,", "/dist/chart.umd.min.js\" defer>",
				"href=\"/alerts?state=OPEN&amp;severity=CRITICAL\"", "<span class=\"tile__count\">4</span>");
		assertThat(html).doesNotContain("<script>alert(1)");
		assertThat(html.indexOf("status=CRITICAL")).as("what needs action first").isLessThan(html.indexOf("status=OK"));
	}

	@TestConfiguration
	static class FixedClock {

		@Bean
		java.time.Clock clock() {
			return java.time.Clock.fixed(NOW, java.time.ZoneOffset.UTC);
		}

	}

}
