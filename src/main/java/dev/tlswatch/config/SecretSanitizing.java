package dev.tlswatch.config;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Masks secrets in the actuator's {@code env} and {@code configprops} endpoints, whatever
 * their {@code show-values} setting: every property whose name contains {@code password},
 * {@code passwd}, {@code secret}, {@code token}, {@code key}, {@code credential} or
 * {@code webhook} (webhook URLs carry their token in the path), in any spelling
 * ({@code spring.mail.password}, {@code SPRING_MAIL_PASSWORD}); and the password of any
 * URL with user information ({@code postgresql://user:pw@host}).
 */
@Configuration(proxyBeanMethods = false)
class SecretSanitizing {

	/** Parts of a property name that mark its value as secret, lower case. */
	static final List<String> SECRET_NAME_PARTS = List.of("password", "passwd", "secret", "token", "key", "credential",
			"webhook");

	/** {@code scheme://user:password@}: the password is group 2. */
	private static final Pattern URL_PASSWORD = Pattern.compile("([a-z][a-z0-9+.-]*://[^/@:\\s]*:)([^/@\\s]+)@",
			Pattern.CASE_INSENSITIVE);

	/** {@code --spring.mail.password=x}, {@code -Dapi.key=x}: the value is group 2. */
	private static final Pattern SECRET_ASSIGNMENT = Pattern.compile(
			"([\\w.-]*(?:" + String.join("|", SECRET_NAME_PARTS) + ")[\\w.-]*=)([^\\s\"',;]+)",
			Pattern.CASE_INSENSITIVE);

	@Bean
	SanitizingFunction secretSanitizingFunction() {
		return SecretSanitizing::sanitize;
	}

	static SanitizableData sanitize(SanitizableData data) {
		if (data.getValue() == null) {
			return data;
		}
		if (isSecretName(data.getKey())) {
			return data.withSanitizedValue();
		}
		if (data.getValue() instanceof CharSequence text) {
			String masked = maskAssignments(maskUrlPasswords(text.toString()));
			if (!masked.contentEquals(text)) {
				return data.withValue(masked);
			}
		}
		return data;
	}

	static boolean isSecretName(String key) {
		String name = key.toLowerCase(Locale.ROOT);
		return SECRET_NAME_PARTS.stream().anyMatch(name::contains);
	}

	static String maskAssignments(String text) {
		Matcher matcher = SECRET_ASSIGNMENT.matcher(text);
		return matcher
			.replaceAll((match) -> Matcher.quoteReplacement(match.group(1)) + SanitizableData.SANITIZED_VALUE);
	}

	static String maskUrlPasswords(String text) {
		Matcher matcher = URL_PASSWORD.matcher(text);
		return matcher
			.replaceAll((match) -> Matcher.quoteReplacement(match.group(1)) + SanitizableData.SANITIZED_VALUE + "@");
	}

}
