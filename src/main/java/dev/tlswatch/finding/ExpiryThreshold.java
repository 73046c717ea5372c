package dev.tlswatch.finding;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * An expiry threshold: a number of days before the end of validity, or a share of the
 * certificate's lifetime ({@code 33%}), since lifetimes shrink towards 47 days.
 *
 * @param value days, or percent of the lifetime
 * @param percent whether {@code value} is a percentage
 */
public record ExpiryThreshold(int value, boolean percent) {

	/** The largest number of days a threshold may name. */
	public static final int MAX_DAYS = 3650;

	public ExpiryThreshold {
		if (percent ? (value < 1 || value > 99) : (value < 1 || value > MAX_DAYS)) {
			throw new IllegalArgumentException(
					percent ? "a percentage must be between 1% and 99%" : "days must be between 1 and " + MAX_DAYS);
		}
	}

	/**
	 * Reads {@code "30"} (days) or {@code "33%"}.
	 * @param text the threshold
	 * @return the threshold
	 * @throws IllegalArgumentException with a message for users if it is not one
	 */
	public static ExpiryThreshold parse(String text) {
		String trimmed = text.strip().toLowerCase(Locale.ROOT);
		boolean percent = trimmed.endsWith("%");
		String number = percent ? trimmed.substring(0, trimmed.length() - 1).strip() : trimmed;
		if (number.isEmpty() || number.length() > 5 || !number.chars().allMatch(Character::isDigit)) {
			throw new IllegalArgumentException(
					"must be a number of days (\"30\") or a share of the lifetime (\"33%\")");
		}
		return new ExpiryThreshold(Integer.parseInt(number), percent);
	}

	/**
	 * How long before the end of validity this threshold is crossed.
	 * @param notBefore the certificate's start of validity
	 * @param notAfter its end
	 * @return the span before {@code notAfter}
	 */
	public Duration before(Instant notBefore, Instant notAfter) {
		if (!this.percent) {
			return Duration.ofDays(this.value);
		}
		Duration lifetime = Duration.between(notBefore, notAfter);
		return lifetime.isNegative() ? Duration.ZERO : lifetime.multipliedBy(this.value).dividedBy(100);
	}

	@Override
	public String toString() {
		return this.percent ? this.value + "%" : Integer.toString(this.value);
	}

}
