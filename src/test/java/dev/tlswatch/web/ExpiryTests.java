package dev.tlswatch.web;

import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;

import dev.tlswatch.finding.ExpiryPolicy;
import dev.tlswatch.finding.ExpiryThreshold;
import org.jspecify.annotations.Nullable;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ExpiryTests {

	private static final Instant NOW = Instant.parse("2026-11-27T09:00:00Z");

	private static final ExpiryPolicy POLICY = new ExpiryPolicy(
			Stream.of("30", "14", "7", "3", "1").map(ExpiryThreshold::parse).toList(), Duration.ofDays(7));

	private static Expiry of(@Nullable Instant notAfter, Instant now) {
		return Expiry.of(null, notAfter, now, POLICY);
	}

	@ParameterizedTest
	@CsvSource({ "-1, EXPIRED, expired 1 day ago", "0, CRITICAL, today", "6, CRITICAL, 6 days", "7, WARNING, 7 days",
			"29, WARNING, 29 days", "30, FINE, 30 days", "1, CRITICAL, 1 day" })
	void levelsChangeAtTheBoundaries(long days, Expiry.Level level, String label) {
		Expiry expiry = of(NOW.plus(Duration.ofDays(days)), NOW);

		assertThat(expiry.daysLeft()).isEqualTo(days);
		assertThat(expiry.level()).isEqualTo(level);
		assertThat(expiry.label()).isEqualTo(label);
	}

	@Test
	void partialDaysAreRoundedDown() {
		assertThat(of(NOW.plus(Duration.ofHours(30)), NOW).label()).isEqualTo("1 day");
		assertThat(of(NOW.plus(Duration.ofHours(5)), NOW).label()).isEqualTo("today");
		assertThat(of(NOW.plus(Duration.ofDays(7)).minusSeconds(1), NOW).level()).isEqualTo(Expiry.Level.CRITICAL);
	}

	@Test
	void aCertificateThatEndedHoursAgoExpiredToday() {
		Expiry expiry = of(NOW.minus(Duration.ofHours(5)), NOW);

		assertThat(expiry.level()).isEqualTo(Expiry.Level.EXPIRED);
		assertThat(expiry.label()).isEqualTo("expired today");
		assertThat(of(NOW.minusSeconds(1), NOW).level()).isEqualTo(Expiry.Level.EXPIRED);
		assertThat(of(NOW.minus(Duration.ofDays(3)), NOW).label()).isEqualTo("expired 3 days ago");
	}

	@Test
	void phrasesStandOnTheirOwn() {
		assertThat(of(NOW.plus(Duration.ofDays(12)), NOW).phrase()).isEqualTo("12 days left");
		assertThat(of(NOW.plus(Duration.ofHours(2)), NOW).phrase()).isEqualTo("expires today");
		assertThat(of(NOW.minus(Duration.ofDays(2)), NOW).phrase()).isEqualTo("expired 2 days ago");
		assertThat(Expiry.UNKNOWN.phrase()).isEqualTo("—");
	}

	@Test
	void anUnknownEndIsShownAsADash() {
		Expiry expiry = of(null, NOW);

		assertThat(expiry.level()).isEqualTo(Expiry.Level.UNKNOWN);
		assertThat(expiry.label()).isEqualTo("—");
		assertThat(expiry.cssClass()).isEqualTo("expiry expiry--unknown");
	}

}
