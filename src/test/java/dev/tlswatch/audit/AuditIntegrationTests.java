package dev.tlswatch.audit;

import java.util.List;

import dev.tlswatch.endpoint.EndpointDetails;
import dev.tlswatch.endpoint.EndpointDraft;
import dev.tlswatch.endpoint.Endpoints;
import dev.tlswatch.endpoint.InvalidEndpointException;
import dev.tlswatch.endpoint.TlsMode;
import dev.tlswatch.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The audit log through the whole application: endpoint changes are recorded with their
 * actor, other modules can record, and the page and API show the log.
 */
// Endpoints are registered with scheduled scans off: nothing runs in the background.
@IntegrationTest
class AuditIntegrationTests {

	@Autowired
	private Endpoints endpoints;

	@Autowired
	private Audit audit;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private MockMvc mvc;

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void recordsWhoCreatedChangedAndDeletedAnEndpoint() {
		signIn("alice");
		EndpointDetails endpoint = this.endpoints.register(draft("audited.example", 60));
		SecurityContextHolder.clearContext();
		this.endpoints.update(endpoint.id(), draft("audited.example", 120));
		signIn("bob");
		this.endpoints.delete(endpoint.id());

		assertThat(eventsFor(endpoint.id())).extracting(AuditEntry::actor, AuditEntry::action, AuditEntry::summary)
			.containsExactly(
					tuple("alice", "ENDPOINT_CREATED",
							"Registered audited.example:443 (IMPLICIT, every 60 min, disabled, tags ops)"),
					tuple(Audit.SYSTEM, "ENDPOINT_CHANGED",
							"Changed endpoint " + endpoint.id()
									+ "; now audited.example:443 (IMPLICIT, every 120 min, disabled, tags ops)"),
					tuple("bob", "ENDPOINT_DELETED", "Deleted endpoint " + endpoint.id() + " with its history"));
	}

	@Test
	void anAnonymousVisitorIsTheSystem() {
		SecurityContextHolder.getContext()
			.setAuthentication(new AnonymousAuthenticationToken("key", "anonymousUser",
					AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));

		assertThat(this.audit.record("SETTINGS_CHANGED", "settings", null, "Changed the mail sender").actor())
			.isEqualTo(Audit.SYSTEM);
	}

	@Test
	void aRefusedChangeRecordsNothing() {
		long before = count();

		assertThatExceptionOfType(InvalidEndpointException.class)
			.isThrownBy(() -> this.endpoints.register(draft("169.254.169.254", 60)));

		assertThat(count()).isEqualTo(before);
	}

	@Test
	void boundsWhatItStores() {
		AuditEntry entry = this.audit.record("TOKEN_CREATED", "token", "7", "line one\nline two " + "x".repeat(2000));

		assertThat(entry.summary()).hasSize(AuditLog.MAX_SUMMARY).startsWith("line one line two x").endsWith("…");
		assertThat(this.audit.list(PageRequest.of(0, 1)).getContent()).containsExactly(entry);
		assertThatIllegalArgumentException().isThrownBy(() -> this.audit.record(" ", "token", null, "x"));
		assertThatIllegalArgumentException().isThrownBy(() -> this.audit.record("A".repeat(65), "token", null, "x"));
		assertThatIllegalArgumentException().isThrownBy(() -> this.audit.record("BAD\nACTION", "token", null, "x"));
	}

	@Test
	void thePageAndTheApiShowTheLogEscaped() throws Exception {
		signIn("carol");
		this.audit.record("NOTE_ADDED", "note", "1", "<script>alert(1)</script> & more");

		this.mvc.perform(get("/audit"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("&lt;script&gt;alert(1)&lt;/script&gt; &amp; more")))
			.andExpect(content().string(not(containsString("<script>alert(1)"))))
			.andExpect(content().string(containsString(">carol<")))
			.andExpect(content().string(containsString("note 1")));
		this.mvc.perform(get("/api/v1/audit").param("size", "1"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.content[0].actor").value("carol"))
			.andExpect(jsonPath("$.content[0].action").value("NOTE_ADDED"))
			.andExpect(jsonPath("$.content[0].targetType").value("note"))
			.andExpect(jsonPath("$.content[0].targetId").value("1"))
			.andExpect(jsonPath("$.content[0].summary").value("<script>alert(1)</script> & more"))
			.andExpect(jsonPath("$.page.size").value(1));
		this.mvc.perform(get("/api/v1/audit").param("size", "1000"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("size"));
	}

	private List<AuditEntry> eventsFor(long endpointId) {
		return this.jdbc.sql("""
				select id, occurred_at, actor, action, target_type, target_id, summary from audit_event
				where target_type = 'endpoint' and target_id = :id order by id
				""")
			.param("id", Long.toString(endpointId))
			.query((row, number) -> new AuditEntry(row.getLong("id"), row.getTimestamp("occurred_at").toInstant(),
					row.getString("actor"), row.getString("action"), row.getString("target_type"),
					row.getString("target_id"), row.getString("summary")))
			.list();
	}

	private long count() {
		return this.jdbc.sql("select count(*) from audit_event").query(Long.class).single();
	}

	private static void signIn(String name) {
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(name, null,
					AuthorityUtils.createAuthorityList("ROLE_ADMIN")));
	}

	private static EndpointDraft draft(String host, int interval) {
		return new EndpointDraft(host, 443, TlsMode.IMPLICIT, null, interval, List.of("ops"), false);
	}

}
