package dev.tlswatch.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class LoginThrottleTests {

	private final MutableClock clock = new MutableClock();

	private final LoginThrottle throttle = new LoginThrottle(
			new LoginThrottleSettings(5, Duration.ofSeconds(2), Duration.ofMinutes(15), Duration.ofHours(1), 3, 20),
			this.clock);

	@Test
	void fourFailuresCostNothingTheFifthBlocksTheUsernameFromThatAddressOnly() {
		for (int i = 0; i < 4; i++) {
			this.throttle.failed("alice", "192.0.2.1");
		}
		assertThatNoException().isThrownBy(() -> this.throttle.check("alice", "192.0.2.1"));

		this.throttle.failed("Alice", "192.0.2.1");

		assertThatExceptionOfType(LoginThrottledException.class)
			.isThrownBy(() -> this.throttle.check("alice", "192.0.2.1"))
			.satisfies((ex) -> assertThat(ex.getRetryAfter()).isEqualTo(Duration.ofSeconds(2)))
			.withMessage("Too many failed sign-ins. Try again in 2 seconds.");
		// The real alice, from an address without failures, is not locked out.
		assertThatNoException().isThrownBy(() -> this.throttle.check("alice", "198.51.100.7"));
		this.clock.advance(Duration.ofSeconds(2));
		assertThatNoException().isThrownBy(() -> this.throttle.check("alice", "192.0.2.1"));
	}

	@Test
	void theUsernameAloneIsBlockedEverywhereOnlyAtTheMuchHigherCount() {
		// Four failures from each of four addresses: no pair and no address is blocked.
		for (int i = 0; i < 16; i++) {
			this.throttle.failed("admin", "192.0.2." + (i % 4));
		}
		assertThatNoException().isThrownBy(() -> this.throttle.check("admin", "198.51.100.7"));
		for (int i = 16; i < 20; i++) {
			this.throttle.failed("admin", "203.0.113." + i);
		}

		assertThatExceptionOfType(LoginThrottledException.class)
			.isThrownBy(() -> this.throttle.check("admin", "198.51.100.7"))
			.satisfies((ex) -> assertThat(ex.getRetryAfter()).isEqualTo(Duration.ofSeconds(2)));
	}

	@Test
	void theDelayDoublesWithEachFurtherFailureUpToTheMaximum() {
		assertThat(this.throttle.delay(5)).isEqualTo(Duration.ofSeconds(2));
		assertThat(this.throttle.delay(6)).isEqualTo(Duration.ofSeconds(4));
		assertThat(this.throttle.delay(9)).isEqualTo(Duration.ofSeconds(32));
		assertThat(this.throttle.delay(15)).isEqualTo(Duration.ofMinutes(15));
		assertThat(this.throttle.delay(500)).isEqualTo(Duration.ofMinutes(15));
	}

	@Test
	void anAddressTryingManyUsernamesIsBlockedAndASuccessDoesNotClearIt() {
		for (int i = 0; i < 5; i++) {
			this.throttle.failed("user" + i, "192.0.2.9");
		}
		this.throttle.succeeded("mallory", "192.0.2.9");

		assertThatExceptionOfType(LoginThrottledException.class)
			.isThrownBy(() -> this.throttle.check("bob", "192.0.2.9"));
		assertThatNoException().isThrownBy(() -> this.throttle.check("bob", "192.0.2.10"));
	}

	@Test
	void aSuccessClearsTheUsersCountAndOldFailuresAreForgotten() {
		for (int i = 0; i < 4; i++) {
			this.throttle.failed("carol", null);
		}
		this.throttle.succeeded("carol", null);
		this.throttle.failed("carol", null);
		assertThatNoException().isThrownBy(() -> this.throttle.check("carol", null));

		for (int i = 0; i < 3; i++) {
			this.throttle.failed("dave", null);
		}
		this.clock.advance(Duration.ofHours(2));
		this.throttle.failed("dave", null);
		this.throttle.failed("dave", null);
		assertThatNoException().isThrownBy(() -> this.throttle.check("dave", null));
	}

	@Test
	void memoryIsBoundedByForgettingTheOldest() {
		for (int i = 0; i < 5; i++) {
			this.throttle.failed("erin", null);
		}
		this.throttle.failed("x", null);
		this.throttle.failed("y", null);
		this.throttle.failed("z", null);

		assertThatNoException().isThrownBy(() -> this.throttle.check("erin", null));
	}

	private static final class MutableClock extends Clock {

		private Instant now = Instant.parse("2026-11-27T10:00:00Z");

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
