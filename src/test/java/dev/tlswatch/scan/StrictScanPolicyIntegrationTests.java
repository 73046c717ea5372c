package dev.tlswatch.scan;

import java.util.List;

import dev.tlswatch.endpoint.EndpointDetails;
import dev.tlswatch.endpoint.EndpointDraft;
import dev.tlswatch.endpoint.Endpoints;
import dev.tlswatch.endpoint.TlsMode;
import dev.tlswatch.probe.HandshakeOutcome;
import dev.tlswatch.support.GuardIntegrationTest;
import dev.tlswatch.support.TestResolver;
import dev.tlswatch.support.TestTcpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A policy that denies loopback and private networks, and a strict "scan now" limit: the
 * switches work at registration and at scan time, and the API answers 429.
 */
@GuardIntegrationTest
class StrictScanPolicyIntegrationTests {

	@Autowired
	private Endpoints endpoints;

	@Autowired
	private Scans scans;

	@Autowired
	private MockMvc mvc;

	@ParameterizedTest
	@ValueSource(strings = { "127.0.0.1", "::1", "10.1.2.3", "192.168.0.10", "fd00::5", "169.254.169.254" })
	void registrationOfADeniedNetworkIsRefusedNamingTheHost(String host) throws Exception {
		this.mvc
			.perform(post("/api/v1/endpoints").contentType(MediaType.APPLICATION_JSON)
				.content("{\"host\":\"" + host + "\",\"port\":443,\"tlsMode\":\"IMPLICIT\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.type").value("https://tlswatch.dev/problems/invalid-endpoint"))
			.andExpect(jsonPath("$.errors[0].field").value("host"))
			.andExpect(jsonPath("$.errors[0].message").value(startsWith("is not allowed as a scan target: ")));
	}

	@Test
	void aNameThatResolvesToLoopbackIsNotContacted() {
		try (TestTcpServer server = TestTcpServer.garbage()) {
			TestResolver.register("strict-loopback" + TestResolver.SUFFIX, "127.0.0.1");
			EndpointDetails endpoint = register("strict-loopback" + TestResolver.SUFFIX, server.port());

			ScanDetails scan = this.scans.scanNow(endpoint.id());

			assertThat(scan.outcome()).isEqualTo(HandshakeOutcome.DENIED);
			assertThat(scan.results()).singleElement()
				.satisfies((result) -> assertThat(result.error())
					.isEqualTo("127.0.0.1 is a loopback address (tlswatch.scan-policy.allow-loopback is false)"));
			assertThat(server.acceptedConnections()).isZero();
		}
	}

	@Test
	void scanNowTooSoonIsAnsweredWith429AndRetryAfter() throws Exception {
		TestResolver.register("strict-limit" + TestResolver.SUFFIX, "127.0.0.1");
		EndpointDetails endpoint = register("strict-limit" + TestResolver.SUFFIX, 443);
		this.mvc.perform(post("/api/v1/endpoints/{id}/scans", endpoint.id())).andExpect(status().isCreated());

		this.mvc.perform(post("/api/v1/endpoints/{id}/scans", endpoint.id()))
			.andExpect(status().isTooManyRequests())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(header().string("Retry-After", matchesPattern("3[56][0-9]{2}")))
			.andExpect(jsonPath("$.type").value("https://tlswatch.dev/problems/scan-rate-limited"))
			.andExpect(jsonPath("$.status").value(429))
			.andExpect(jsonPath("$.retryAfterSeconds").isNumber());
		assertThat(this.scans.history(endpoint.id(), PageRequest.of(0, 10)).getTotalElements())
			.as("the refused request scanned nothing")
			.isEqualTo(1);

		this.mvc.perform(post("/endpoints/{id}/scan", endpoint.id()).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("scanRefused", startsWith("Not scanned: Endpoint " + endpoint.id())));
	}

	private EndpointDetails register(String host, int port) {
		return this.endpoints.register(new EndpointDraft(host, port, TlsMode.IMPLICIT, null, 60, List.of(), false));
	}

}
