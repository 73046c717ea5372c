package dev.tlswatch.config;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * IDEs complete and check {@code tlswatch.*} keys from the metadata the build generates,
 * and {@code tlswatch.web.base-url} (docker-compose's {@code TLSWATCH_WEB_BASE_URL}) is
 * the one address links in messages use.
 */
class ConfigurationMetadataTests {

	@Test
	void buildPublishesMetadataForOurKeys() throws IOException {
		JsonNode metadata;
		try (InputStream in = new ClassPathResource("META-INF/spring-configuration-metadata.json").getInputStream()) {
			metadata = JsonMapper.builder().build().readTree(in);
		}
		assertThat(metadata.get("properties").valueStream().map((property) -> property.get("name").asString()))
			.contains("tlswatch.scan.connect-timeout", "tlswatch.alert.thresholds",
					"tlswatch.finding.expiry.thresholds", "tlswatch.web.base-url");
	}

	@Test
	void alertLinksFollowTheWebBaseUrl() throws IOException {
		StandardEnvironment environment = new StandardEnvironment();
		new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yaml"))
			.forEach(environment.getPropertySources()::addLast);
		assertThat(environment.getProperty("tlswatch.alert.base-url")).isEqualTo("http://localhost:8080");

		environment.getPropertySources()
			.addFirst(new MapPropertySource("env", Map.of("tlswatch.web.base-url", "https://tlswatch.example.com")));
		assertThat(environment.getProperty("tlswatch.alert.base-url")).isEqualTo("https://tlswatch.example.com");
	}

}
