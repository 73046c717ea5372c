package dev.tlswatch.scan;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import dev.tlswatch.endpoint.EndpointDetails;
import dev.tlswatch.endpoint.EndpointDraft;
import dev.tlswatch.endpoint.Endpoints;
import dev.tlswatch.endpoint.TlsMode;
import dev.tlswatch.support.Eventually;
import dev.tlswatch.support.StoppableDatabase;
import dev.tlswatch.support.MissingModuleStandIns;
import dev.tlswatch.support.TestAuthenticationConfiguration;
import dev.tlswatch.support.TestTcpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;
import org.quartz.Trigger;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The database goes away under a running application and comes back: readiness goes DOWN
 * quickly while liveness stays UP, pages and API answer 503 problem details at once,
 * everything recovers without a restart, and a scheduled firing that fell into the gap
 * runs once afterwards. The test owns its PostgreSQL server (never the shared one).
 */
@SpringBootTest(properties = { "tlswatch.database.check-interval=300ms",
		"spring.quartz.properties.org.quartz.scheduler.dbFailureRetryInterval=1000" })
@AutoConfigureMockMvc
@Import({ DatabaseFaultIntegrationTests.OwnDatabase.class, MissingModuleStandIns.class,
		TestAuthenticationConfiguration.class })
@ActiveProfiles("test")
class DatabaseFaultIntegrationTests {

	private static final Duration READINESS_BOUND = Duration.ofSeconds(5);

	private static final Duration RECOVERY_WAIT = Duration.ofSeconds(60);

	private static final StoppableDatabase DATABASE = new StoppableDatabase("fault test");

	@Autowired
	private MockMvc mvc;

	@Autowired
	private Endpoints endpoints;

	@Autowired
	private ScanScheduler scanScheduler;

	@Autowired
	private Scheduler scheduler;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private WebApplicationContext context;

	@Autowired
	private FilterRegistrationBean<?> databaseDownFilter;

	@AfterAll
	static void stopServer() {
		DATABASE.stop();
	}

	@Test
	void databaseOutageTurnsReadinessDownAnswers503AndRecoversWithTheMissedFiringRunOnce() throws Exception {
		EndpointDetails endpoint = this.endpoints.register(new EndpointDraft("127.0.0.1", TestTcpServer.refusedPort(),
				TlsMode.IMPLICIT, null, 60, List.of(), true));
		Eventually.await(RECOVERY_WAIT, "the first scheduled scan", () -> scanCount(endpoint) >= 1);
		anonymous().perform(get("/actuator/health/readiness")).andExpect(status().isOk());
		Instant dueInGap = Instant.now().plusSeconds(2);
		this.scanScheduler.reschedule(endpoint.id(), Duration.ofHours(1), dueInGap);

		DATABASE.stop();

		Eventually.await(READINESS_BOUND, "readiness DOWN", () -> readiness() == 503);
		anonymous().perform(get("/actuator/health/liveness"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("UP"));
		this.mvc.perform(get("/api/v1/endpoints"))
			.andExpect(status().isServiceUnavailable())
			.andExpect(header().string("Content-Type", "application/problem+json"))
			.andExpect(header().string("Retry-After", "5"))
			.andExpect(jsonPath("$.type").value("https://tlswatch.dev/problems/database-unavailable"))
			.andExpect(jsonPath("$.status").value(503));
		this.mvc.perform(get("/endpoints")).andExpect(status().isServiceUnavailable());
		// The firing's time and Quartz's misfire threshold (5 s in tests) pass while the
		// database is away.
		Eventually.await(RECOVERY_WAIT, "the firing to fall into the gap",
				() -> Instant.now().isAfter(dueInGap.plusSeconds(6)));

		DATABASE.start();

		Eventually.await(RECOVERY_WAIT, "readiness UP again", () -> readiness() == 200);
		this.mvc.perform(get("/api/v1/endpoints")).andExpect(status().isOk());
		Eventually.await(RECOVERY_WAIT, "the missed firing", () -> scanCount(endpoint) >= 2);
		Trigger trigger = this.scheduler.getTriggersOfJob(ScanScheduler.jobKey(endpoint.id())).get(0);
		Eventually.await(RECOVERY_WAIT, "the trigger to wait for its next interval",
				() -> nextFire(endpoint).after(Date.from(Instant.now().plus(Duration.ofMinutes(30)))));
		assertThat(trigger).isNotNull();
		assertThat(scanCount(endpoint)).isEqualTo(2);
	}

	private MockMvc anonymous() {
		return MockMvcBuilders.webAppContextSetup(this.context)
			.addFilters(this.databaseDownFilter.getFilter())
			.apply(springSecurity())
			.build();
	}

	private Date nextFire(EndpointDetails endpoint) {
		try {
			Date next = this.scheduler.getTriggersOfJob(ScanScheduler.jobKey(endpoint.id())).get(0).getNextFireTime();
			return (next != null) ? next : new Date(0);
		}
		catch (org.quartz.SchedulerException ex) {
			return new Date(0);
		}
	}

	private int readiness() {
		try {
			// As probes ask: without credentials.
			return anonymous().perform(get("/actuator/health/readiness")).andReturn().getResponse().getStatus();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private int scanCount(EndpointDetails endpoint) {
		try {
			Integer count = this.jdbc.queryForObject("select count(*) from scan where endpoint_id = ?", Integer.class,
					endpoint.id());
			return (count != null) ? count : 0;
		}
		catch (RuntimeException ex) {
			// The database is away right now.
			return -1;
		}
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class OwnDatabase {

		@Bean
		JdbcConnectionDetails faultTestDatabase() {
			return DATABASE.connectionDetails();
		}

	}

}
