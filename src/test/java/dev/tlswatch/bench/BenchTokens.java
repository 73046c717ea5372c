package dev.tlswatch.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Creates an API token through {@code POST /api/v1/tokens} with HTTP Basic, for the
 * benchmarks' timed requests.
 */
final class BenchTokens {

	private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");

	private BenchTokens() {
	}

	static String create(HttpClient http, String base, String user, String password)
			throws IOException, InterruptedException {
		String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/tokens"))
			.header("Authorization", "Basic " + basic)
			.header("Content-Type", "application/json")
			.timeout(Duration.ofSeconds(60))
			.POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"fleet benchmark\"}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		Matcher token = TOKEN.matcher(response.body());
		if (response.statusCode() != 201 || !token.find()) {
			throw new IllegalStateException("Creating a token answered " + response.statusCode());
		}
		return token.group(1);
	}

}
