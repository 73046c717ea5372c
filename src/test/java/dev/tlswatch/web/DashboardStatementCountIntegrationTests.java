package dev.tlswatch.web;

import java.util.List;
import java.util.Map;

import dev.tlswatch.alert.Alerts;
import dev.tlswatch.alert.EndpointAlertSettings;
import dev.tlswatch.alert.TagAlertSettings;
import dev.tlswatch.finding.ExpiryPolicy;
import dev.tlswatch.finding.Findings;
import dev.tlswatch.support.IntegrationTest;
import dev.tlswatch.support.StatementCounter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The pages that show many endpoints cost a fixed number of SQL statements, however many
 * rows they show: the endpoint list, the overview and {@code /alerts} with 5 rows of
 * seeded endpoints, then with 50, prepare the same number of statements. The expiry
 * policies of a page's rows (their own and their tags' thresholds) are read in one batch
 * and equal the ones read one endpoint at a time.
 */
@IntegrationTest
class DashboardStatementCountIntegrationTests {

	/** Far more than a page needs, far fewer than one statement per row would take. */
	private static final int MAX_STATEMENTS_PER_PAGE = 20;

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private Alerts alerts;

	@Autowired
	private Findings findings;

	private final List<Long> seeded = new java.util.ArrayList<>();

	private final List<String> tags = new java.util.ArrayList<>();

	/**
	 * The seeded rows expire in 1990: they would crowd other tests' rows off the pages.
	 */
	@AfterEach
	void removeSeededRows() {
		for (Long id : this.seeded) {
			for (String table : List.of("alert", "finding_status", "scan_latest", "scan", "endpoint_tag",
					"alert_endpoint_settings")) {
				this.jdbc.update("delete from " + table + " where endpoint_id = ?", id);
			}
			this.jdbc.update("delete from endpoint where id = ?", id);
		}
		this.tags.forEach((tag) -> this.jdbc.update("delete from alert_tag_settings where tag = ?", tag));
	}

	@Test
	void listOverviewAndAlertsIssueAsManyStatementsForFiftyRowsAsForFive() throws Exception {
		String tag = "count-" + Long.toHexString(System.nanoTime());
		this.tags.add(tag);
		this.alerts.updateTagSettings(new TagAlertSettings(tag, List.of("45", "10"), List.of(), List.of()));
		seed(tag, 0, 5);
		statementsPerPage(tag); // once first: what a context does on its first request is
								// not per page
		Map<String, Integer> five = statementsPerPage(tag);
		assertThat(rows(tag)).isEqualTo(5);

		seed(tag, 5, 50);
		Map<String, Integer> fifty = statementsPerPage(tag);
		assertThat(rows(tag)).isEqualTo(50);

		assertThat(fifty).isEqualTo(five);
		assertThat(fifty.values()).allSatisfy((count) -> assertThat(count).isBetween(1, MAX_STATEMENTS_PER_PAGE));
	}

	@Test
	void aPagesPoliciesReadInOneBatchEqualThoseReadOneByOne() {
		String tag = "batch-" + Long.toHexString(System.nanoTime());
		this.tags.add(tag);
		this.alerts.updateTagSettings(new TagAlertSettings(tag, List.of("45", "10"), List.of(), List.of()));
		List<Long> ids = seed(tag, 0, 4);
		this.alerts.updateEndpointSettings(ids.get(1),
				new EndpointAlertSettings(List.of("20", "5"), List.of(), List.of(), null, null));
		this.jdbc.update("delete from endpoint_tag where endpoint_id = ?", ids.get(2));
		List<Long> asked = List.of(ids.get(0), ids.get(1), ids.get(2), ids.get(3), -1L);

		Map<Long, ExpiryPolicy> batch = this.findings.expiryPolicies(asked);

		assertThat(batch.keySet()).containsExactlyElementsOf(asked);
		asked
			.forEach((id) -> assertThat(batch.get(id)).as("endpoint %d", id).isEqualTo(this.findings.expiryPolicy(id)));
		assertThat(batch.get(ids.get(0)).thresholds()).extracting(Object::toString).containsExactly("45", "10");
		assertThat(batch.get(ids.get(1)).thresholds()).extracting(Object::toString).containsExactly("20", "5");
		assertThat(batch.get(ids.get(2))).isEqualTo(this.findings.defaultExpiryPolicy());
	}

	private Map<String, Integer> statementsPerPage(String tag) throws Exception {
		return Map.of("/endpoints?tag=", statements("/endpoints?tag=" + tag), "/endpoints", statements("/endpoints"),
				"/endpoints?sort=expiry", statements("/endpoints?sort=expiry"), "/", statements("/"), "/alerts",
				statements("/alerts"));
	}

	private int statements(String uri) throws Exception {
		return StatementCounter.count(() -> this.mvc.perform(get(uri)).andExpect(status().isOk()));
	}

	private int rows(String tag) throws Exception {
		String html = this.mvc.perform(get("/endpoints?tag=" + tag))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return html.split("\\." + tag + "\\.example:443<", -1).length - 1;
	}

	/**
	 * Endpoints {@code from} to {@code to - 1} under the tag, as the modules store them:
	 * a latest scan whose certificate expired long ago (so that they come first in the
	 * overview's expiries and the expiry sort), a judged status and an open critical
	 * alert opened in the future (first in {@code /alerts}).
	 */
	private List<Long> seed(String tag, int from, int to) {
		List<Long> ids = this.jdbc.queryForList("""
				insert into endpoint (host, port, tls_mode, scan_interval_minutes, enabled, created_at, updated_at)
				select 'h' || i || '.' || ? || '.example', 443, 'AUTO', 60, true, now(), now()
				from generate_series(?, ? - 1) i returning id
				""", Long.class, tag, from, to);
		this.seeded.addAll(ids);
		for (Long id : ids) {
			this.jdbc.update("insert into endpoint_tag (endpoint_id, tag) values (?, ?)", id, tag);
			Long scan = this.jdbc.queryForObject("""
					insert into scan (endpoint_id, trigger, started_at, finished_at, outcome)
					values (?, 'SCHEDULED', now(), now(), 'OK') returning id
					""", Long.class, id);
			this.jdbc.update("""
					insert into scan_latest (endpoint_id, scan_id, scanned_at, outcome, protocol, cipher_suite,
					    leaf_not_after)
					values (?, ?, now(), 'OK', 'TLSv1.3', 'TLS_AES_128_GCM_SHA256',
					    timestamptz '1990-01-01 00:00:00+00' + make_interval(mins => ?))
					""", id, scan, id.intValue() % 100_000);
			this.jdbc.update("""
					insert into finding_status (endpoint_id, scan_id, status, judged_at, grade, grade_rank, up, probed,
					    tls12, tls13)
					values (?, ?, 'CRITICAL', now(), 'A', 1, true, true, true, true)
					""", id, scan);
			this.jdbc.update(
					"""
							insert into alert (endpoint_id, rule, subject, severity, state, title, message, opened_at, updated_at)
							values (?, 'CERT_EXPIRING', '', 'CRITICAL', 'OPEN', 'expired', 'The certificate expired.',
							    now() + interval '100 years', now())
							""",
					id);
		}
		return ids;
	}

}
