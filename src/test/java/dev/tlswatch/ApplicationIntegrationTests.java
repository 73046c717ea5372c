package dev.tlswatch;

import java.time.Duration;

import dev.tlswatch.support.Eventually;
import dev.tlswatch.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class ApplicationIntegrationTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcTemplate jdbc;

	@Test
	void healthIsUpWithoutMailServer() throws Exception {
		// This context may just have been resumed from the test context cache: its
		// database watch checks again at once, and readiness follows that check. (The one
		// DOWN seen here came from the test database running out of connection slots;
		// see TestDatabase.)
		Eventually.await(Duration.ofSeconds(10), "readiness UP", this::ready);
		this.mvc.perform(get("/actuator/health"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("UP"))
			.andExpect(jsonPath("$.components.mail").doesNotExist());
	}

	private boolean ready() {
		try {
			return this.mvc.perform(get("/actuator/health/readiness")).andReturn().getResponse().getStatus() == 200;
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void migrationsCreateTheQuartzAndApplicationTables() {
		Integer tables = this.jdbc.queryForObject(
				"select count(*) from information_schema.tables where table_schema = 'public' and table_name in ('qrtz_triggers', 'endpoint', 'scan', 'certificate', 'finding')",
				Integer.class);
		assertThat(tables).isEqualTo(5);
	}

	@Test
	void quartzRunsClusteredOnTheDatabase() {
		Integer nodes = this.jdbc.queryForObject("select count(*) from qrtz_scheduler_state", Integer.class);
		assertThat(nodes).isPositive();
	}

}
