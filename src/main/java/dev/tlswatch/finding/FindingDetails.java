package dev.tlswatch.finding;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One finding of one scan.
 *
 * @param kind what was found
 * @param severity how urgent
 * @param address the address it concerns, {@code null} for the whole endpoint
 * @param message a sentence for users
 * @param subject what it concerns beyond the address: the SHA-256 fingerprint of the
 * certificate for the validity and chain kinds, empty otherwise
 * @param level for {@link FindingKind#CERT_EXPIRING} and
 * {@link FindingKind#CERT_EXPIRED}, the number of expiry thresholds crossed; 0 otherwise
 */
public record FindingDetails(FindingKind kind, Severity severity, @Nullable String address, String message,
		String subject, int level) {

	public FindingDetails {
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(severity, "severity");
		Objects.requireNonNull(message, "message");
		Objects.requireNonNull(subject, "subject");
	}

	/**
	 * A finding about no particular certificate.
	 * @param kind what was found
	 * @param severity how urgent
	 * @param address the address, {@code null} for the endpoint
	 * @param message a sentence for users
	 */
	public FindingDetails(FindingKind kind, Severity severity, @Nullable String address, String message) {
		this(kind, severity, address, message, "", 0);
	}

	/**
	 * The kind's name, as the database, the API and exports carry it.
	 * @return the code
	 */
	public String code() {
		return this.kind.name();
	}

}
