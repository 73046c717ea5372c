package dev.tlswatch.probe;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * The HTTP Strict Transport Security policy (RFC 6797) an HTTPS server announced in its
 * answer to {@code HEAD /}.
 *
 * @param verdict whether the header was there and valid
 * @param statusCode the HTTP status code of the answer
 * @param maxAge the {@code max-age} in seconds; {@code null} unless the verdict is
 * {@link Verdict#ENABLED} or {@link Verdict#DISABLED}
 * @param includeSubDomains whether the policy covers subdomains
 * @param preload whether the {@code preload} token is present
 * @param header the header's value as received (bounded), {@code null} when absent
 */
public record Hsts(Verdict verdict, int statusCode, @Nullable Long maxAge, boolean includeSubDomains, boolean preload,
		@Nullable String header) {

	/** Characters kept of the header's value. */
	public static final int MAX_HEADER_LENGTH = 500;

	public Hsts {
		Objects.requireNonNull(verdict, "verdict");
		boolean hasMaxAge = verdict == Verdict.ENABLED || verdict == Verdict.DISABLED;
		if (hasMaxAge != (maxAge != null)) {
			throw new IllegalArgumentException("A max-age goes with an enabled or disabled policy, not " + verdict);
		}
		if (maxAge != null && maxAge < 0) {
			throw new IllegalArgumentException("max-age must not be negative, was " + maxAge);
		}
		if (header != null && header.length() > MAX_HEADER_LENGTH) {
			header = header.substring(0, MAX_HEADER_LENGTH);
		}
	}

	/**
	 * The max-age the grade sees: the policy's, or 0 when HSTS is absent, switched off or
	 * invalid.
	 * @return seconds, 0 for no HSTS
	 */
	public long effectiveMaxAge() {
		return (this.verdict == Verdict.ENABLED && this.maxAge != null) ? this.maxAge : 0;
	}

	/**
	 * Whether the server sent a valid policy, and whether it is on.
	 */
	public enum Verdict {

		/** A valid header with a positive max-age. */
		ENABLED,

		/** A valid header with {@code max-age=0}: the policy is switched off. */
		DISABLED,

		/** No {@code Strict-Transport-Security} header. */
		ABSENT,

		/**
		 * A header that breaks RFC 6797 §6.1 (no or a bad max-age, a directive twice...),
		 * which browsers ignore.
		 */
		MALFORMED

	}

}
