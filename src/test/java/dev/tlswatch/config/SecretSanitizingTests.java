package dev.tlswatch.config;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.actuate.endpoint.SanitizableData;

import static org.assertj.core.api.Assertions.assertThat;

class SecretSanitizingTests {

	@ParameterizedTest
	@ValueSource(strings = { "spring.mail.password", "SPRING_DATASOURCE_PASSWORD", "tlswatch.notify.webhook.url",
			"TLSWATCH_NOTIFY_WEBHOOK_URL", "tlswatch.api.client-secret", "github.token", "tlswatch.signing-key",
			"server.ssl.key-store-password", "aws.credentials", "ldap.passwd" })
	void masksSecretNamesInAnySpelling(String key) {
		assertThat(sanitize(key, "s3cr3t").getValue()).isEqualTo(SanitizableData.SANITIZED_VALUE);
	}

	@ParameterizedTest
	@ValueSource(
			strings = { "tlswatch.scan.connect-timeout", "spring.mail.host", "spring.datasource.url", "server.port" })
	void keepsOrdinaryValues(String key) {
		assertThat(sanitize(key, "plain").getValue()).isEqualTo("plain");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = {
					"jdbc:postgresql://tlswatch:pw@db:5432/tlswatch|jdbc:postgresql://tlswatch:******@db:5432/tlswatch",
					"https://user:p%40ss@example.test/x|https://user:******@example.test/x",
					"https://example.test/a@b|https://example.test/a@b",
					"https://user@example.test/|https://user@example.test/", "not a url|not a url" })
	void masksPasswordsInUrls(String value, String expected) {
		assertThat(sanitize("spring.datasource.url", value).getValue()).isEqualTo(expected);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"app.jar --spring.mail.password=pw1 --server.port=8080|app.jar --spring.mail.password=****** --server.port=8080",
			"-Dtlswatch.api-key=k1 -Xmx1g|-Dtlswatch.api-key=****** -Xmx1g",
			"-DSPRING_DATASOURCE_PASSWORD=pw2|-DSPRING_DATASOURCE_PASSWORD=******" })
	void masksSecretAssignmentsInsideOtherValues(String value, String expected) {
		assertThat(sanitize("sun.java.command", value).getValue()).isEqualTo(expected);
	}

	private static SanitizableData sanitize(String key, String value) {
		return SecretSanitizing.sanitize(new SanitizableData(null, key, value));
	}

}
