package dev.tlswatch.web;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import dev.tlswatch.finding.ExpiryLevel;
import dev.tlswatch.finding.ExpiryPolicy;
import org.jspecify.annotations.Nullable;

/**
 * How long a certificate has left, in whole days, as the dashboard shows it, and how
 * urgent that is under the endpoint's {@link ExpiryPolicy} (the finding module's, so the
 * cell agrees with the status). Days are counted to the second and rounded down: a
 * certificate whose {@code notAfter} is 30 hours away has 1 day left; one that ended 5
 * hours ago expired "today", 24 hours ago "1 day ago". The {@code notAfter} instant
 * itself is still valid (RFC 5280 §4.1.2.5), so 0 days left is critical, not expired.
 *
 * @param notAfter end of validity, {@code null} when unknown
 * @param remaining time from now until {@code notAfter} (negative once it has passed),
 * {@code null} when unknown
 * @param level how urgent
 * @param levelText the level in words, for screen readers and tooltips: colour never
 * carries it alone
 */
record Expiry(@Nullable Instant notAfter, @Nullable Duration remaining, Level level, String levelText) {

	static final Expiry UNKNOWN = new Expiry(null, null, Level.UNKNOWN, "unknown");

	private static final long SECONDS_PER_DAY = Duration.ofDays(1).toSeconds();

	/**
	 * The expiry of a certificate under a policy.
	 * @param notBefore start of validity ({@code null} when unknown: shares of the
	 * lifetime are then not judged)
	 * @param notAfter end of validity, {@code null} when unknown
	 * @param now the time
	 * @param policy the endpoint's expiry policy
	 * @return the expiry
	 */
	static Expiry of(@Nullable Instant notBefore, @Nullable Instant notAfter, Instant now, ExpiryPolicy policy) {
		if (notAfter == null) {
			return UNKNOWN;
		}
		Instant start = (notBefore != null) ? notBefore : notAfter;
		ExpiryLevel level = policy.level(start, notAfter, now);
		return new Expiry(notAfter, Duration.between(now, notAfter), Level.of(level), policy.describe(level));
	}

	/** Whole days left, negative once expired, {@code null} when unknown. */
	public @Nullable Long daysLeft() {
		return (this.remaining != null) ? Math.floorDiv(this.remaining.toSeconds(), SECONDS_PER_DAY) : null;
	}

	/** The text of a days-left cell: "12 days", "today", "expired 3 days ago", "—". */
	public String label() {
		if (this.remaining == null) {
			return "—";
		}
		if (this.remaining.isNegative()) {
			long daysAgo = Math.floorDiv(this.remaining.negated().toSeconds(), SECONDS_PER_DAY);
			return (daysAgo == 0) ? "expired today" : "expired " + days(daysAgo) + " ago";
		}
		long days = Math.floorDiv(this.remaining.toSeconds(), SECONDS_PER_DAY);
		return (days == 0) ? "today" : days(days);
	}

	/**
	 * The label as a phrase that stands on its own: "12 days left", "expires today",
	 * "expired 3 days ago", "—".
	 */
	public String phrase() {
		if (this.remaining == null || this.remaining.isNegative()) {
			return label();
		}
		return "today".equals(label()) ? "expires today" : label() + " left";
	}

	public String cssClass() {
		return "expiry expiry--" + this.level.name().toLowerCase(Locale.ROOT);
	}

	private static String days(long days) {
		return (days == 1) ? "1 day" : days + " days";
	}

	/**
	 * How urgent the expiry is.
	 */
	enum Level {

		EXPIRED, CRITICAL, WARNING, FINE, UNKNOWN;

		static Level of(ExpiryLevel level) {
			return switch (level) {
				case EXPIRED -> EXPIRED;
				case CRITICAL -> CRITICAL;
				case WARNING -> WARNING;
				case FINE -> FINE;
			};
		}

	}

}
