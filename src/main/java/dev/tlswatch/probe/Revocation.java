package dev.tlswatch.probe;

import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Whether one certificate is revoked, and how that was learned: a stapled OCSP response,
 * an OCSP responder named by the certificate (RFC 6960), or its CRL distribution point
 * (RFC 5280 §5).
 *
 * @param status the answer
 * @param source where a {@link Status#GOOD} or {@link Status#REVOKED} answer came from,
 * {@code null} otherwise
 * @param reason the CRL reason (RFC 5280 §5.3.1, {@code keyCompromise}...) of a revoked
 * certificate when the answer gave one, otherwise {@code null}
 * @param revokedAt when a revoked certificate was revoked, otherwise {@code null}
 * @param detail what was seen, or why the answer is unknown (no pointer, timeout,
 * unauthorised responder, bad signature, too large, forbidden address...)
 */
public record Revocation(Status status, @Nullable Source source, @Nullable String reason, @Nullable Instant revokedAt,
		String detail) {

	/** The longest detail kept, in characters. */
	public static final int MAX_DETAIL_LENGTH = 500;

	public Revocation {
		Objects.requireNonNull(status, "status");
		Objects.requireNonNull(detail, "detail");
		if ((status == Status.GOOD || status == Status.REVOKED) != (source != null)) {
			throw new IllegalArgumentException("A source is given exactly for GOOD and REVOKED, not " + status);
		}
		if (status != Status.REVOKED && (reason != null || revokedAt != null)) {
			throw new IllegalArgumentException("Only a revoked certificate has a reason and a date");
		}
		if (status == Status.REVOKED) {
			Objects.requireNonNull(revokedAt, "revokedAt");
		}
		detail = (detail.length() > MAX_DETAIL_LENGTH) ? detail.substring(0, MAX_DETAIL_LENGTH) : detail;
	}

	/**
	 * Not revoked.
	 * @param source where that was learned
	 * @param detail what was seen
	 * @return the answer
	 */
	public static Revocation good(Source source, String detail) {
		return new Revocation(Status.GOOD, source, null, null, detail);
	}

	/**
	 * Revoked.
	 * @param source where that was learned
	 * @param reason the CRL reason, {@code null} when none was given
	 * @param revokedAt when
	 * @param detail what was seen
	 * @return the answer
	 */
	public static Revocation revoked(Source source, @Nullable String reason, Instant revokedAt, String detail) {
		return new Revocation(Status.REVOKED, source, reason, revokedAt, detail);
	}

	/**
	 * Not known.
	 * @param why why not
	 * @return the answer
	 */
	public static Revocation unknown(String why) {
		return new Revocation(Status.UNKNOWN, null, null, null, why);
	}

	/**
	 * Not checked (switched off, or nothing to check).
	 * @param why why not
	 * @return the answer
	 */
	public static Revocation notChecked(String why) {
		return new Revocation(Status.NOT_CHECKED, null, null, null, why);
	}

	/**
	 * The states of a revocation check.
	 */
	public enum Status {

		/** A valid answer says the certificate is not revoked. */
		GOOD,

		/** A valid answer says the certificate is revoked. */
		REVOKED,

		/** No valid answer could be had; the detail says why. */
		UNKNOWN,

		/** Revocation checking is switched off, or the certificate is a trust anchor. */
		NOT_CHECKED

	}

	/**
	 * Where an answer came from.
	 */
	public enum Source {

		/** An OCSP response the server stapled to the handshake (RFC 6066 §8). */
		STAPLE,

		/** The OCSP responder of the certificate's AIA extension (RFC 6960). */
		OCSP,

		/** The CRL of the certificate's CRL distribution point (RFC 5280 §4.2.1.13). */
		CRL

	}

}
