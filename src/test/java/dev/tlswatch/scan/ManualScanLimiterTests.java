package dev.tlswatch.scan;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ManualScanLimiterTests {

	private final MovableClock clock = new MovableClock(Instant.parse("2026-11-27T12:00:00Z"));

	@Test
	void allowsOneRequestedScanPerEndpointPerInterval() {
		ManualScanLimiter limiter = limiter(Duration.ofSeconds(30), 0);
		limiter.acquire(1);

		this.clock.advance(Duration.ofSeconds(10));
		ScanRateLimitedException refused = catchThrowableOfType(ScanRateLimitedException.class,
				() -> limiter.acquire(1));

		assertThat(refused.getRetryAfter()).isEqualTo(Duration.ofSeconds(20));
		assertThat(refused.getRetryAfterSeconds()).isEqualTo(20);
		assertThat(refused).hasMessage("Endpoint 1 may be scanned on request once every 30 s; nothing was scanned.");
		assertThatCode(() -> limiter.acquire(2)).as("another endpoint").doesNotThrowAnyException();
		this.clock.advance(Duration.ofSeconds(20));
		assertThatCode(() -> limiter.acquire(1)).doesNotThrowAnyException();
	}

	@Test
	void aRefusedRequestDoesNotRestartTheInterval() {
		ManualScanLimiter limiter = limiter(Duration.ofSeconds(30), 0);
		limiter.acquire(1);
		this.clock.advance(Duration.ofSeconds(29));
		catchThrowableOfType(ScanRateLimitedException.class, () -> limiter.acquire(1));

		this.clock.advance(Duration.ofSeconds(1));

		assertThatCode(() -> limiter.acquire(1)).doesNotThrowAnyException();
	}

	@Test
	void limitsRequestedScansOfAllEndpointsPerSlidingMinute() {
		ManualScanLimiter limiter = limiter(Duration.ZERO, 3);
		limiter.acquire(1);
		this.clock.advance(Duration.ofSeconds(20));
		limiter.acquire(2);
		limiter.acquire(3);

		ScanRateLimitedException refused = catchThrowableOfType(ScanRateLimitedException.class,
				() -> limiter.acquire(4));

		assertThat(refused).hasMessage("At most 3 scans may be requested per minute; nothing was scanned.");
		assertThat(refused.getRetryAfter()).isEqualTo(Duration.ofSeconds(40));
		this.clock.advance(Duration.ofSeconds(40));
		assertThatCode(() -> limiter.acquire(4)).doesNotThrowAnyException();
		assertThat(catchThrowableOfType(ScanRateLimitedException.class, () -> limiter.acquire(5))).isNotNull();
	}

	@Test
	void discoveriesAreLimitedPerHostApartFromEndpointsAndCountTowardsTheMinute() {
		ManualScanLimiter limiter = limiter(Duration.ofSeconds(30), 3);
		limiter.acquire(1);
		limiter.acquireDiscovery("example.com");

		ScanRateLimitedException refused = catchThrowableOfType(ScanRateLimitedException.class,
				() -> limiter.acquireDiscovery("example.com"));

		assertThat(refused).hasMessage("Host example.com may be discovered once every 30 s; nothing was scanned.");
		assertThatCode(() -> limiter.acquireDiscovery("example.org")).as("another host").doesNotThrowAnyException();
		assertThat(catchThrowableOfType(ScanRateLimitedException.class, () -> limiter.acquire(2)))
			.as("the fourth request in a minute")
			.hasMessage("At most 3 scans may be requested per minute; nothing was scanned.");
	}

	@Test
	void zeroSwitchesTheLimitsOff() {
		ManualScanLimiter limiter = limiter(Duration.ZERO, 0);

		for (int i = 0; i < 100; i++) {
			limiter.acquire(1);
		}
		assertThatCode(() -> limiter.acquire(1)).doesNotThrowAnyException();
	}

	@Test
	void retryAfterRoundsUpToWholeSeconds() {
		assertThat(new ScanRateLimitedException("x", Duration.ofMillis(1500)).getRetryAfterSeconds()).isEqualTo(2);
		assertThat(new ScanRateLimitedException("x", Duration.ofMillis(10)).getRetryAfterSeconds()).isEqualTo(1);
		assertThat(new ScanRateLimitedException("x", Duration.ofSeconds(7)).getRetryAfterSeconds()).isEqualTo(7);
	}

	private ManualScanLimiter limiter(Duration perEndpoint, int perMinute) {
		return new ManualScanLimiter(new ScanRateLimitSettings(perEndpoint, perMinute), this.clock);
	}

	private static final class MovableClock extends Clock {

		private Instant now;

		MovableClock(Instant now) {
			this.now = now;
		}

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
