package dev.tlswatch.alert;

import dev.tlswatch.finding.Severity;
import dev.tlswatch.probe.CertificateInfo;
import org.jspecify.annotations.Nullable;

/**
 * A rule's condition holding at one scan: what an alert is opened, kept or escalated for.
 *
 * @param rule the rule
 * @param subject what it concerns: a certificate fingerprint, or empty for the endpoint
 * @param severity how urgent
 * @param level escalation level (thresholds crossed), 0 for rules without levels
 * @param title a headline for mail subjects
 * @param message a sentence for users
 * @param address the address it concerns, {@code null} for the endpoint
 * @param certificate the certificate it concerns
 * @param previousSha256 the leaf served before, for {@code CERT_CHANGED}
 */
record Condition(AlertRule rule, String subject, Severity severity, int level, String title, String message,
		@Nullable String address, @Nullable CertificateInfo certificate, @Nullable String previousSha256) {

	static final int MAX_TEXT = 2000;

	Condition {
		title = bounded(title, 300);
		message = bounded(message, MAX_TEXT);
	}

	private static String bounded(String text, int max) {
		return (text.length() > max) ? text.substring(0, max - 1) + "…" : text;
	}

	String key() {
		return this.rule + "/" + this.subject;
	}

}
