package dev.tlswatch.notify;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class NotifySettingsTests {

	@Test
	void backoffDoublesAfterEachFailureUpToTheMaximum() {
		NotifySettings.Retry retry = new NotifySettings.Retry(Duration.ofSeconds(30), Duration.ofMinutes(5));

		assertThat(List.of(1, 2, 3, 4, 5, 6, 1000).stream().map(retry::after)).containsExactly(Duration.ofSeconds(30),
				Duration.ofSeconds(60), Duration.ofSeconds(120), Duration.ofSeconds(240), Duration.ofMinutes(5),
				Duration.ofMinutes(5), Duration.ofMinutes(5));
	}

	@Test
	void webhookTargetShowsSchemeHostAndPortOnly() {
		assertThat(webhook("https://user:pw@hooks.example.com/services/T0/B1/SECRET?token=abc").target())
			.isEqualTo("https://hooks.example.com");
		assertThat(webhook("HTTP://127.0.0.1:8099/hook/SECRET").target()).isEqualTo("http://127.0.0.1:8099");
		assertThat(webhook("").target()).isNull();
		assertThat(webhook("").url()).isNull();
	}

	@Test
	void webhookMustBeAnAbsoluteHttpUrl() {
		assertThatIllegalArgumentException().isThrownBy(() -> webhook("ftp://example.com/x"));
		assertThatIllegalArgumentException().isThrownBy(() -> webhook("/relative"));
	}

	@Test
	void mailRecipientsAreCheckedAndBlanksDropped() {
		assertThat(new NotifySettings.Mail("tlswatch@example.com", List.of(" ops@example.com", "", "sec@example.com"))
			.to()).containsExactly("ops@example.com", "sec@example.com");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new NotifySettings.Mail("tlswatch@example.com", List.of("Ops <ops@example.com>")))
			.withMessageContaining("tlswatch.notify.mail.to");
		assertThatIllegalArgumentException().isThrownBy(() -> new NotifySettings.Mail("nobody", List.of()))
			.withMessageContaining("tlswatch.notify.mail.from");
	}

	@Test
	void onlyPlainAddressesAreValid() {
		assertThat(List.of("ops@example.com", "a.b+c@sub.example.org")).allMatch(MailAddresses::isValid);
		assertThat(List.of("", "ops", "ops@", "@example.com", "a b@example.com", "Ops <ops@example.com>",
				"a@example.com,b@example.com", "a@example.com\r\nBcc: x@example.com", "x".repeat(250) + "@ex.com"))
			.noneMatch(MailAddresses::isValid);
	}

	@Test
	void subjectsBecomeOneBoundedLine() {
		assertThat(OutboxNotifier.subjectLine("Expiring\r\nBcc: evil@example.com"))
			.isEqualTo("Expiring Bcc: evil@example.com");
		assertThat(OutboxNotifier.subjectLine("x".repeat(1000))).hasSize(OutboxNotifier.MAX_SUBJECT_LENGTH);
	}

	private static NotifySettings.Webhook webhook(String url) {
		return new NotifySettings.Webhook(url.isEmpty() ? URI.create("") : URI.create(url), Duration.ofSeconds(5),
				Duration.ofSeconds(10));
	}

}
