package dev.tlswatch.api;

import java.time.Duration;

import dev.tlswatch.endpoint.EndpointDetails;
import dev.tlswatch.endpoint.EndpointDraft;
import dev.tlswatch.endpoint.Endpoints;
import dev.tlswatch.endpoint.TlsMode;
import dev.tlswatch.scan.ScanRateLimitedException;
import dev.tlswatch.scan.Scans;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The scan target policy and the "scan now" limit as the API shows them, with the default
 * policy.
 */
@ApiIntegrationTest
class ScanPolicyApiIntegrationTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private Endpoints endpoints;

	@Autowired
	private Scans scans;

	@Test
	void registeringTheMetadataAddressIsRefusedNamingTheHost() throws Exception {
		long before = this.endpoints.list(PageRequest.of(0, 1)).getTotalElements();

		this.mvc
			.perform(post("/api/v1/endpoints").contentType(MediaType.APPLICATION_JSON)
				.content("{\"host\":\"169.254.169.254\",\"port\":80,\"tlsMode\":\"IMPLICIT\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.type").value("https://tlswatch.dev/problems/invalid-endpoint"))
			.andExpect(jsonPath("$.errors.length()").value(1))
			.andExpect(jsonPath("$.errors[0].field").value("host"))
			.andExpect(jsonPath("$.errors[0].message").value("is not allowed as a scan target: 169.254.169.254 is a "
					+ "cloud metadata service address (tlswatch.scan-policy.allow-cloud-metadata is false)"));

		assertThat(this.endpoints.list(PageRequest.of(0, 1)).getTotalElements()).isEqualTo(before);
	}

	@Test
	void anIpv4MappedMetadataAddressIsRefusedToo() throws Exception {
		this.mvc
			.perform(post("/api/v1/endpoints").contentType(MediaType.APPLICATION_JSON)
				.content("{\"host\":\"[::ffff:169.254.169.254]\",\"port\":80,\"tlsMode\":\"IMPLICIT\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("host"));
	}

	@Test
	void updatingAnEndpointToADeniedAddressIsRefused() throws Exception {
		EndpointDetails endpoint = this.endpoints.register(new EndpointDraft(EndpointApiIntegrationTests.uniqueHost(),
				443, TlsMode.IMPLICIT, null, null, null, null));

		this.mvc
			.perform(put("/api/v1/endpoints/{id}", endpoint.id()).contentType(MediaType.APPLICATION_JSON)
				.content("{\"host\":\"fd00:ec2::254\",\"port\":443,\"tlsMode\":\"IMPLICIT\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("host"));

		assertThat(this.endpoints.get(endpoint.id()).host()).isEqualTo(endpoint.host());
	}

	@Test
	void aRateLimitedScanIsA429WithRetryAfter() throws Exception {
		EndpointDetails endpoint = this.endpoints.register(new EndpointDraft(EndpointApiIntegrationTests.uniqueHost(),
				443, TlsMode.IMPLICIT, null, null, null, null));
		given(this.scans.scanNow(endpoint.id())).willThrow(new ScanRateLimitedException(
				"Endpoint " + endpoint.id() + " may be scanned on request once every 30 s; nothing was scanned.",
				Duration.ofMillis(12_300)));

		this.mvc.perform(post("/api/v1/endpoints/{id}/scans", endpoint.id()))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().string("Retry-After", "13"))
			.andExpect(jsonPath("$.type").value("https://tlswatch.dev/problems/scan-rate-limited"))
			.andExpect(jsonPath("$.title").value("Too many scans requested"))
			.andExpect(jsonPath("$.retryAfterSeconds").value(13))
			.andExpect(jsonPath("$.instance").value("/api/v1/endpoints/" + endpoint.id() + "/scans"));
	}

}
