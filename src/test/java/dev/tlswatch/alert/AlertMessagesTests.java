package dev.tlswatch.alert;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.tlswatch.endpoint.EndpointDetails;
import dev.tlswatch.endpoint.TlsMode;
import dev.tlswatch.finding.Severity;
import dev.tlswatch.notify.OutgoingMessage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The subject, bodies, key and recipients of alert messages.
 */
class AlertMessagesTests {

	private static final Instant NOT_AFTER = Instant.parse("2026-12-01T10:00:00Z");

	private final AlertMessages messages = new AlertMessages(settings("https://tlswatch.example.com/"));

	private final EndpointDetails endpoint = new EndpointDetails(7, "mail.example.com", 465, TlsMode.IMPLICIT, null, 60,
			true, List.of("prod"), Instant.EPOCH, Instant.EPOCH);

	@Test
	void openMessageHasTheSubjectLineKeyAndLink() {
		OutgoingMessage message = this.messages.message(AlertMessages.Kind.OPEN,
				alert("CN=mail.example.com", "certificate expires in 3 days (2026-12-01)"), this.endpoint,
				List.of("ops@example.com"), 0);
		assertThat(message.key()).isEqualTo("alert-42-open");
		assertThat(message.subject())
			.isEqualTo("[TLSWatch] CRITICAL mail.example.com:465 certificate expires in 3 days (2026-12-01)");
		assertThat(message.recipients()).containsExactly("ops@example.com");
		assertThat(message.text()).contains("mail.example.com:465", "CN=mail.example.com", "CN=Test CA",
				"ab".repeat(32), "2026-12-01 10:00 UTC", "https://tlswatch.example.com/endpoints/7", "192.0.2.1");
		assertThat(message.html()).contains("href=\"https://tlswatch.example.com/endpoints/7\"");
		assertThat(message.attributes()).containsEntry("severity", "CRITICAL")
			.containsEntry("rule", "CERT_EXPIRING")
			.containsEntry("event", "open");
	}

	@Test
	void escalationResolveAndReminderKeys() {
		AlertDetails alert = alert("CN=x", "certificate expires in 3 days (2026-12-01)");
		assertThat(this.messages.message(AlertMessages.Kind.ESCALATE, alert, this.endpoint, List.of(), 0).key())
			.isEqualTo("alert-42-escalate-4");
		OutgoingMessage resolve = this.messages.message(AlertMessages.Kind.RESOLVE, alert, this.endpoint, List.of(), 0);
		assertThat(resolve.key()).isEqualTo("alert-42-resolve");
		assertThat(resolve.subject()).startsWith("[TLSWatch] RESOLVED CRITICAL mail.example.com:465");
		assertThat(this.messages.message(AlertMessages.Kind.REMIND, alert, this.endpoint, List.of(), 2).key())
			.isEqualTo("alert-42-remind-2");
	}

	@Test
	void everyValueIsEscapedInHtmlAndTheSubjectIsOneLine() {
		AlertDetails hostile = alert("CN=<script>alert(1)</script>", "certificate expires\r\nBcc: x@evil.example");
		OutgoingMessage message = this.messages.message(AlertMessages.Kind.OPEN, hostile, this.endpoint, List.of(), 0);
		assertThat(message.html()).doesNotContain("<script>").contains("CN=&lt;script&gt;alert(1)&lt;/script&gt;");
		assertThat(message.subject()).doesNotContain("\r", "\n").contains("certificate expires Bcc: x@evil.example");
		assertThat(message.text()).contains("CN=<script>alert(1)</script>");
	}

	@Test
	void proberNetworkAlertLinksToTheAlertsPage() {
		AlertDetails prober = new AlertDetails(5, null, AlertRule.PROBER_NETWORK, "", Severity.CRITICAL,
				AlertState.OPEN, 0, "6 of 8 endpoints unreachable at once", "6 of 8 endpoints failed.", null, null,
				null, null, null, null, NOT_AFTER, 1L, null, null, null, null, null, null, null, NOT_AFTER);
		OutgoingMessage message = this.messages.message(AlertMessages.Kind.OPEN, prober, null, List.of(), 0);
		assertThat(message.subject()).isEqualTo("[TLSWatch] CRITICAL TLSWatch 6 of 8 endpoints unreachable at once");
		assertThat(message.attributes()).containsEntry("link", "https://tlswatch.example.com/alerts");
	}

	private static AlertDetails alert(String certificateSubject, String title) {
		return new AlertDetails(42, 7L, AlertRule.CERT_EXPIRING, "ab".repeat(32), Severity.CRITICAL, AlertState.OPEN, 4,
				title, "The certificate " + certificateSubject + " expires in 3 days.", "192.0.2.1", "ab".repeat(32),
				certificateSubject, "CN=Test CA", NOT_AFTER, null, NOT_AFTER.minus(Duration.ofDays(4)), 1L, null, null,
				null, null, null, null, null, NOT_AFTER);
	}

	static AlertSettings settings(String baseUrl) {
		return new AlertSettings(0.6667, Set.of(), Map.of(), 3, 0.5, 5, Duration.ofMinutes(5), "B", null, false,
				LocalTime.of(8, 0), URI.create(baseUrl));
	}

}
