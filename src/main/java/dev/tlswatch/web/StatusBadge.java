package dev.tlswatch.web;

import dev.tlswatch.finding.EndpointStatus;
import dev.tlswatch.finding.Severity;
import dev.tlswatch.probe.HandshakeOutcome;
import dev.tlswatch.probe.TrustStatus;
import org.jspecify.annotations.Nullable;

/**
 * A coloured label: the text says what the colour means, so colour never carries the
 * meaning alone.
 *
 * @param label the visible text
 * @param tone one of {@code ok}, {@code warning}, {@code critical}, {@code neutral},
 * {@code muted}
 * @param description a sentence for the tooltip
 */
record StatusBadge(String label, String tone, String description) {

	public String cssClass() {
		return "badge badge--" + this.tone;
	}

	static StatusBadge of(EndpointStatus status) {
		return switch (status) {
			case OK -> new StatusBadge("OK", "ok", "Reachable, trusted, name matches, not expiring soon");
			case WARNING -> new StatusBadge("Warning", "warning", "Something needs attention soon");
			case CRITICAL -> new StatusBadge("Critical", "critical", "Broken for clients");
			case UNREACHABLE -> new StatusBadge("Unreachable", "neutral", "No address could be reached");
			case PENDING -> new StatusBadge("Pending", "muted", "Not scanned yet");
		};
	}

	static StatusBadge of(Severity severity) {
		return switch (severity) {
			case CRITICAL -> new StatusBadge("Critical", "critical", "Broken for clients");
			case WARNING -> new StatusBadge("Warning", "warning", "Needs attention soon");
			case INFO -> new StatusBadge("Info", "muted", "For information");
		};
	}

	static StatusBadge of(HandshakeOutcome outcome) {
		return switch (outcome) {
			case OK -> new StatusBadge("OK", "ok", "The TLS handshake completed");
			case CONNECTION_REFUSED ->
				new StatusBadge("Connection refused", "critical", "The TCP connection was refused or unreachable");
			case TIMEOUT ->
				new StatusBadge("Timeout", "critical", "Connect, STARTTLS or handshake did not finish in time");
			case DNS_FAILURE -> new StatusBadge("DNS failure", "critical", "The name did not resolve");
			case TLS_FAILURE -> new StatusBadge("TLS failure", "critical", "TCP connected but TLS failed");
			case STARTTLS_FAILED ->
				new StatusBadge("STARTTLS failure", "critical", "TCP connected but the server did not start TLS");
			case ERROR -> new StatusBadge("Error", "critical", "Another error");
			case DENIED -> new StatusBadge("Denied", "critical",
					"The scan target policy does not allow this target; it was not contacted");
		};
	}

	static StatusBadge of(TrustStatus trust) {
		return switch (trust) {
			case TRUSTED -> new StatusBadge("Trusted", "ok", "The chain leads to a trusted root");
			case UNTRUSTED -> new StatusBadge("Untrusted", "critical", "The chain does not lead to a trusted root");
			case EXPIRED -> new StatusBadge("Expired", "critical", "A certificate of the chain has expired");
			case NOT_YET_VALID ->
				new StatusBadge("Not yet valid", "critical", "A certificate of the chain is not valid yet");
			case UNKNOWN -> new StatusBadge("Unknown", "muted", "Trust could not be checked");
		};
	}

	/** Whether the leaf matched the expected name; {@code null} without certificate. */
	static StatusBadge hostname(@Nullable Boolean matches) {
		if (matches == null) {
			return new StatusBadge("—", "muted", "No certificate to check");
		}
		return matches ? new StatusBadge("Matches", "ok", "The certificate is valid for the expected name")
				: new StatusBadge("Mismatch", "critical", "The certificate is not valid for the expected name");
	}

}
