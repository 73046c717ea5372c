package dev.tlswatch.finding;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * When a certificate's coming expiry is news: the thresholds in force for one endpoint
 * and the span within which expiry is critical. The one rule for the status, the badge,
 * the pages, the API, the export, the mail and the metrics.
 *
 * @param thresholds the thresholds, at least one; crossing a lower one escalates
 * @param criticalWithin expiry within this is critical, before it a warning
 */
public record ExpiryPolicy(List<ExpiryThreshold> thresholds, Duration criticalWithin) {

	public ExpiryPolicy {
		thresholds = List.copyOf(thresholds);
		if (thresholds.isEmpty()) {
			throw new IllegalArgumentException("at least one expiry threshold is needed");
		}
		Objects.requireNonNull(criticalWithin, "criticalWithin");
		if (criticalWithin.isNegative()) {
			throw new IllegalArgumentException("critical-within must not be negative");
		}
	}

	/**
	 * How urgent a certificate's expiry is at a time.
	 * @param notBefore its start of validity
	 * @param notAfter its end of validity (that instant itself is still valid, RFC 5280
	 * §4.1.2.5)
	 * @param now the time
	 * @return the level
	 */
	public ExpiryLevel level(Instant notBefore, Instant notAfter, Instant now) {
		if (now.isAfter(notAfter)) {
			return ExpiryLevel.EXPIRED;
		}
		if (crossed(notBefore, notAfter, now) == 0) {
			return ExpiryLevel.FINE;
		}
		return Duration.between(now, notAfter).compareTo(this.criticalWithin) < 0 ? ExpiryLevel.CRITICAL
				: ExpiryLevel.WARNING;
	}

	/**
	 * How many distinct thresholds a certificate has crossed: all of them once it
	 * expired. A threshold of 30 days is crossed when less than 30 days are left.
	 * @param notBefore its start of validity
	 * @param notAfter its end of validity
	 * @param now the time
	 * @return the number crossed, 0 for none
	 */
	public int crossed(Instant notBefore, Instant notAfter, Instant now) {
		boolean expired = now.isAfter(notAfter);
		Duration remaining = Duration.between(now, notAfter);
		return (int) this.thresholds.stream()
			.map((threshold) -> threshold.before(notBefore, notAfter))
			.distinct()
			.filter((before) -> expired || remaining.compareTo(before) < 0)
			.count();
	}

	/**
	 * The span before the end of validity at which the first (largest) threshold is
	 * crossed.
	 * @param notBefore the start of validity
	 * @param notAfter the end of validity
	 * @return the span
	 */
	public Duration warningSpan(Instant notBefore, Instant notAfter) {
		return this.thresholds.stream()
			.map((threshold) -> threshold.before(notBefore, notAfter))
			.max(Duration::compareTo)
			.orElse(Duration.ZERO);
	}

	/**
	 * The levels in words, for tooltips and screen readers: "under 30 days" when every
	 * threshold is a number of days.
	 * @param level the level
	 * @return the words
	 */
	public String describe(ExpiryLevel level) {
		return switch (level) {
			case EXPIRED -> "expired";
			case CRITICAL -> "critical: under " + days(this.criticalWithin);
			case WARNING ->
				inDays() ? "warning: under " + maxDays() + " days" : "warning: an expiry threshold is crossed";
			case FINE -> inDays() ? maxDays() + " days or more" : "no expiry threshold crossed";
		};
	}

	private boolean inDays() {
		return this.thresholds.stream().noneMatch(ExpiryThreshold::percent);
	}

	private int maxDays() {
		return this.thresholds.stream().mapToInt(ExpiryThreshold::value).max().orElse(0);
	}

	private static String days(Duration span) {
		if (span.toSeconds() % Duration.ofDays(1).toSeconds() == 0) {
			long days = span.toDays();
			return (days == 1) ? "1 day" : days + " days";
		}
		long hours = span.toHours();
		return (hours == 1) ? "1 hour" : hours + " hours";
	}

	/**
	 * The same span with other thresholds (an endpoint's or its tags' overrides).
	 * @param others the thresholds
	 * @return the policy
	 */
	public ExpiryPolicy withThresholds(List<ExpiryThreshold> others) {
		return new ExpiryPolicy(others, this.criticalWithin);
	}

}
