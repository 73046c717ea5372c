package dev.tlswatch.config;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import dev.tlswatch.support.IntegrationTest;
import dev.tlswatch.support.TestAdmin;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Errors that reach the servlet container's error page (here the firewall's rejection of
 * a path with {@code ;}) are problems too, over real HTTP.
 */
@IntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "server.address=127.0.0.1")
class ErrorPageProblemIntegrationTests {

	@LocalServerPort
	private int port;

	@Autowired
	private TestAdmin admin;

	@Test
	void anErrorOutsideTheControllersIsAProblemNotBootsDefaultBody() throws Exception {
		try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()) {
			HttpResponse<String> response = http
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/v1/endpoints;x=1"))
					.header("Authorization", "Bearer " + this.admin.token())
					.timeout(Duration.ofSeconds(30))
					.build(), HttpResponse.BodyHandlers.ofString());

			assertThat(response.statusCode()).isEqualTo(400);
			assertThat(response.headers().firstValue("Content-Type"))
				.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
			assertThat(response.body()).contains("\"type\":\"https://tlswatch.dev/problems/bad-request\"")
				.contains("\"status\":400")
				.doesNotContain("timestamp");
		}
	}

}
