package dev.tlswatch.web;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * How long a certificate has left, in whole days, as the dashboard shows it. Days are
 * counted to the second and rounded down: a certificate whose {@code notAfter} is 30
 * hours away has 1 day left; one that ended 5 hours ago expired "today", 24 hours ago "1
 * day ago". The {@code notAfter} instant itself is still valid (RFC 5280 §4.1.2.5), so 0
 * days left is critical, not expired.
 *
 * @param notAfter end of validity, {@code null} when unknown
 * @param remaining time from now until {@code notAfter} (negative once it has passed),
 * {@code null} when unknown
 */
record Expiry(@Nullable Instant notAfter, @Nullable Duration remaining) {

	/** Fewer days left than this is critical. */
	static final int CRITICAL_DAYS = 7;

	/** Fewer days left than this is a warning. */
	static final int WARNING_DAYS = 30;

	static final Expiry UNKNOWN = new Expiry(null, null);

	private static final long SECONDS_PER_DAY = Duration.ofDays(1).toSeconds();

	static Expiry of(@Nullable Instant notAfter, Instant now) {
		return (notAfter != null) ? new Expiry(notAfter, Duration.between(now, notAfter)) : UNKNOWN;
	}

	/** Whole days left, negative once expired, {@code null} when unknown. */
	public @Nullable Long daysLeft() {
		return (this.remaining != null) ? Math.floorDiv(this.remaining.toSeconds(), SECONDS_PER_DAY) : null;
	}

	public Level level() {
		Long days = daysLeft();
		if (days == null) {
			return Level.UNKNOWN;
		}
		if (days < 0) {
			return Level.EXPIRED;
		}
		if (days < CRITICAL_DAYS) {
			return Level.CRITICAL;
		}
		return (days < WARNING_DAYS) ? Level.WARNING : Level.FINE;
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

	/**
	 * The level in words, for screen readers and tooltips: colour never carries it alone.
	 */
	public String levelText() {
		return level().text;
	}

	public String cssClass() {
		return "expiry expiry--" + level().name().toLowerCase(Locale.ROOT);
	}

	private static String days(long days) {
		return (days == 1) ? "1 day" : days + " days";
	}

	/**
	 * How urgent the expiry is.
	 */
	enum Level {

		EXPIRED("expired"), CRITICAL("critical: under " + CRITICAL_DAYS + " days"),
		WARNING("warning: under " + WARNING_DAYS + " days"), FINE(WARNING_DAYS + " days or more"), UNKNOWN("unknown");

		private final String text;

		Level(String text) {
			this.text = text;
		}

	}

}
