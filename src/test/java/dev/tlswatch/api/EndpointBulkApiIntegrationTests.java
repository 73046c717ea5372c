package dev.tlswatch.api;

import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.tlswatch.endpoint.EndpointDetails;
import dev.tlswatch.endpoint.EndpointDraft;
import dev.tlswatch.endpoint.Endpoints;
import dev.tlswatch.endpoint.TlsMode;
import dev.tlswatch.support.IntegrationTest;
import dev.tlswatch.support.TestAdmin;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code POST /api/v1/endpoints/bulk} on the real registry, scan module, audit log and
 * Quartz tables. The scheduler stays in standby, so queued scans and removed triggers can
 * be read from its tables; "scan now" allows one request per endpoint per hour here, so
 * that a second bulk scan is refused.
 */
@IntegrationTest(properties = { "spring.quartz.auto-startup=false", "tlswatch.scan-policy.rate-limit.per-endpoint=1h",
		"tlswatch.scan-policy.rate-limit.per-minute=0" })
class EndpointBulkApiIntegrationTests {

	private static final String BULK = "/api/v1/endpoints/bulk";

	@Autowired
	private MockMvc mvc;

	@Autowired
	private Endpoints endpoints;

	@Autowired
	private JdbcTemplate jdbc;

	@Test
	void disableRemovesTheTriggersAndAuditsEachEndpoint() throws Exception {
		List<EndpointDetails> two = register(2, true, List.of());
		assertThat(triggers(two.get(0))).isEqualTo(1);

		bulk("DISABLE", ids(two), null).andExpect(status().isOk())
			.andExpect(jsonPath("$.action").value("DISABLE"))
			.andExpect(jsonPath("$.requested").value(2))
			.andExpect(jsonPath("$.changed").value(2));

		for (EndpointDetails endpoint : two) {
			assertThat(this.endpoints.get(endpoint.id()).enabled()).isFalse();
			assertThat(triggers(endpoint)).as("disabled: no trigger").isZero();
			assertThat(jobs(endpoint)).as("disabled: the job stays").isEqualTo(1);
			assertThat(audit(endpoint, "ENDPOINT_CHANGED")).singleElement()
				.satisfies((summary) -> assertThat(summary).contains("disabled"));
		}
	}

	@Test
	void enableSchedulesAgainAndCountsOnlyWhatChanged() throws Exception {
		List<EndpointDetails> disabled = register(2, false, List.of());
		List<EndpointDetails> enabled = register(1, true, List.of());

		bulk("ENABLE", ids(disabled) + "," + enabled.get(0).id(), null).andExpect(status().isOk())
			.andExpect(jsonPath("$.requested").value(3))
			.andExpect(jsonPath("$.changed").value(2));

		for (EndpointDetails endpoint : disabled) {
			assertThat(this.endpoints.get(endpoint.id()).enabled()).isTrue();
			assertThat(triggers(endpoint)).isEqualTo(1);
			assertThat(audit(endpoint, "ENDPOINT_CHANGED")).hasSize(1);
		}
		assertThat(audit(enabled.get(0), "ENDPOINT_CHANGED")).as("already enabled: nothing to record").isEmpty();
	}

	@Test
	void deleteRemovesEndpointsAndJobsAndAuditsEach() throws Exception {
		List<EndpointDetails> two = register(2, true, List.of());

		bulk("DELETE", ids(two), null).andExpect(status().isOk()).andExpect(jsonPath("$.changed").value(2));

		for (EndpointDetails endpoint : two) {
			assertThat(this.endpoints.find(endpoint.id())).isEmpty();
			assertThat(jobs(endpoint)).isZero();
			assertThat(audit(endpoint, "ENDPOINT_DELETED")).hasSize(1);
		}
	}

	@Test
	void addAndRemoveTagNormaliseTheTagAndAuditTheChange() throws Exception {
		List<EndpointDetails> two = register(2, false, List.of("keep"));

		bulk("ADD_TAG", ids(two), " Prod-EU ").andExpect(status().isOk()).andExpect(jsonPath("$.changed").value(2));
		assertThat(this.endpoints.get(two.get(0).id()).tags()).containsExactly("keep", "prod-eu");
		assertThat(audit(two.get(1), "ENDPOINT_CHANGED")).singleElement()
			.satisfies((summary) -> assertThat(summary).contains("tags keep prod-eu"));

		bulk("REMOVE_TAG", ids(two), "prod-eu").andExpect(status().isOk()).andExpect(jsonPath("$.changed").value(2));
		assertThat(this.endpoints.get(two.get(1).id()).tags()).containsExactly("keep");
		assertThat(audit(two.get(0), "ENDPOINT_CHANGED")).hasSize(2);
	}

	@Test
	void scanQueuesOneManualScanEachAndReportsThoseTheLimitRefuses() throws Exception {
		List<EndpointDetails> two = register(2, false, List.of());

		bulk("SCAN", ids(two), null).andExpect(status().isOk())
			.andExpect(jsonPath("$.action").value("SCAN"))
			.andExpect(jsonPath("$.queued").value(2))
			.andExpect(jsonPath("$.refused").value(0));
		for (EndpointDetails endpoint : two) {
			assertThat(manualTriggers(endpoint)).as("queued for the scheduler").isEqualTo(1);
		}

		List<EndpointDetails> third = register(1, false, List.of());
		bulk("SCAN", ids(two) + "," + third.get(0).id(), null).andExpect(status().isOk())
			.andExpect(jsonPath("$.requested").value(3))
			.andExpect(jsonPath("$.queued").value(1))
			.andExpect(jsonPath("$.refused").value(2))
			.andExpect(jsonPath("$.refusedIds").value(contains((int) two.get(0).id(), (int) two.get(1).id())));
		assertThat(manualTriggers(two.get(0))).as("refused: not queued again").isEqualTo(1);
		assertThat(manualTriggers(third.get(0))).isEqualTo(1);
	}

	@Test
	void unknownIdIs404ListingItAndChangesNothing() throws Exception {
		List<EndpointDetails> two = register(2, true, List.of());
		long unknown = 900_000_000L + two.get(0).id();

		bulk("DISABLE", ids(two) + "," + unknown, null).andExpect(status().isNotFound())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.ids").value(contains((int) unknown)))
			.andExpect(jsonPath("$.errors[0].field").value("ids"))
			.andExpect(jsonPath("$.detail").value(containsString("nothing was changed")));
		bulk("DELETE", ids(two) + "," + unknown, null).andExpect(status().isNotFound());
		bulk("SCAN", ids(two) + "," + unknown, null).andExpect(status().isNotFound());

		for (EndpointDetails endpoint : two) {
			assertThat(this.endpoints.get(endpoint.id()).enabled()).isTrue();
			assertThat(triggers(endpoint)).isEqualTo(1);
			assertThat(manualTriggers(endpoint)).isZero();
			assertThat(audit(endpoint, "ENDPOINT_CHANGED")).isEmpty();
			assertThat(audit(endpoint, "ENDPOINT_DELETED")).isEmpty();
		}
	}

	@Test
	void aTagOneEndpointCannotTakeRollsBackTheOthers() throws Exception {
		List<EndpointDetails> first = register(1, false, List.of());
		List<String> full = java.util.stream.IntStream.range(0, 20).mapToObj((i) -> "t" + i).toList();
		List<EndpointDetails> second = register(1, false, full);

		bulk("ADD_TAG", first.get(0).id() + "," + second.get(0).id(), "one-more")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("tag"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("endpoint " + second.get(0).id())));

		assertThat(this.endpoints.get(first.get(0).id()).tags()).isEmpty();
		assertThat(audit(first.get(0), "ENDPOINT_CHANGED")).isEmpty();
	}

	@Test
	void invalidTagIs422NamingTag() throws Exception {
		List<EndpointDetails> one = register(1, false, List.of());

		bulk("ADD_TAG", ids(one), "no spaces").andExpect(status().isUnprocessableContent())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("tag"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("letters, digits")));
		assertThat(this.endpoints.get(one.get(0).id()).tags()).isEmpty();
	}

	@Test
	void badShapesAre400NamingTheField() throws Exception {
		send("""
				{"action":"PAUSE","ids":[1]}""").andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("action"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("SCAN, ENABLE, DISABLE, DELETE")));
		send("""
				{"ids":[1]}""").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("action"));
		send("""
				{"action":"ENABLE","ids":[]}""").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("ids"))
			.andExpect(jsonPath("$.errors[0].message").value("must name at least one endpoint"));
		send("""
				{"action":"ENABLE"}""").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("ids"));
		send("""
				{"action":"ADD_TAG","ids":[1]}""").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("tag"))
			.andExpect(jsonPath("$.errors[0].message").value("is required for ADD_TAG"));
		send("""
				{"action":"ENABLE","ids":[1,null]}""").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("ids[1]"));
	}

	@Test
	void moreThan500IdsIs400AndChangesNothing() throws Exception {
		List<EndpointDetails> one = register(1, true, List.of());
		String ids = one.get(0).id() + ","
				+ java.util.stream.LongStream.rangeClosed(1, 500)
					.mapToObj((i) -> Long.toString(800_000_000L + i))
					.collect(Collectors.joining(","));

		bulk("DISABLE", ids, null).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors", hasSize(1)))
			.andExpect(jsonPath("$.errors[0].field").value("ids"))
			.andExpect(jsonPath("$.errors[0].message").value("must not name more than 500 endpoints"));
		assertThat(this.endpoints.get(one.get(0).id()).enabled()).isTrue();
	}

	private List<EndpointDetails> register(int count, boolean enabled, List<String> tags) {
		String label = UUID.randomUUID().toString().substring(0, 8);
		return java.util.stream.IntStream.range(0, count)
			.mapToObj((i) -> this.endpoints.register(new EndpointDraft("bulk-" + label + "-" + i + ".example", 443,
					TlsMode.IMPLICIT, null, 60, tags, enabled)))
			.toList();
	}

	private static String ids(List<EndpointDetails> endpoints) {
		return endpoints.stream().map((endpoint) -> Long.toString(endpoint.id())).collect(Collectors.joining(","));
	}

	private ResultActions bulk(String action, String ids, String tag) throws Exception {
		String tagJson = (tag != null) ? ",\"tag\":\"" + tag + "\"" : "";
		return send("{\"action\":\"" + action + "\",\"ids\":[" + ids + "]" + tagJson + "}");
	}

	private ResultActions send(String json) throws Exception {
		return this.mvc.perform(post(BULK).contentType(MediaType.APPLICATION_JSON).content(json));
	}

	private int triggers(EndpointDetails endpoint) {
		return count("select count(*) from qrtz_triggers where trigger_group = 'scan' and trigger_name = ?",
				"endpoint-" + endpoint.id());
	}

	private int manualTriggers(EndpointDetails endpoint) {
		return count("select count(*) from qrtz_triggers where trigger_group <> 'scan' and job_name = ?",
				"endpoint-" + endpoint.id());
	}

	private int jobs(EndpointDetails endpoint) {
		return count("select count(*) from qrtz_job_details where job_group = 'scan' and job_name = ?",
				"endpoint-" + endpoint.id());
	}

	private int count(String sql, String name) {
		Integer count = this.jdbc.queryForObject(sql, Integer.class, name);
		return (count != null) ? count : 0;
	}

	private List<String> audit(EndpointDetails endpoint, String action) {
		return this.jdbc.queryForList("""
				select summary from audit_event
				where target_type = 'endpoint' and target_id = ? and action = ? and actor = ?
				order by id""", String.class, Long.toString(endpoint.id()), action, TestAdmin.USERNAME);
	}

}
