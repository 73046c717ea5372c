package dev.tlswatch.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Counts failed sign-ins per username and per client address, in memory. After
 * {@code freeFailures} failures a key is blocked for {@code firstDelay}, doubling with
 * each further failure up to {@code maxDelay}; while blocked, attempts are refused before
 * the password is checked. A success clears the username's count (not the address's, so
 * one valid account cannot reset the limit of an address).
 */
@Component
class LoginThrottle {

	private final LoginThrottleSettings settings;

	private final Clock clock;

	/** Least recently touched first; the oldest are forgotten beyond maxTracked. */
	private final Map<String, Failures> failures = new LinkedHashMap<>(64, 0.75f, true);

	LoginThrottle(LoginThrottleSettings settings, Clock clock) {
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * Refuse an attempt while its username or address is blocked.
	 * @param username the username tried
	 * @param address the client address, {@code null} when unknown
	 * @throws LoginThrottledException when blocked
	 */
	synchronized void check(String username, @Nullable String address) {
		Instant now = this.clock.instant();
		Duration wait = longer(remaining(userKey(username), now), remaining(addressKey(address), now));
		if (wait.isPositive()) {
			throw new LoginThrottledException(wait);
		}
	}

	synchronized void failed(String username, @Nullable String address) {
		Instant now = this.clock.instant();
		count(userKey(username), now);
		count(addressKey(address), now);
	}

	synchronized void succeeded(String username) {
		this.failures.remove(userKey(username));
	}

	private Duration remaining(@Nullable String key, Instant now) {
		Failures entry = (key != null) ? this.failures.get(key) : null;
		if (entry == null || entry.blockedUntil() == null || !entry.blockedUntil().isAfter(now)) {
			return Duration.ZERO;
		}
		return Duration.between(now, entry.blockedUntil());
	}

	private void count(@Nullable String key, Instant now) {
		if (key == null) {
			return;
		}
		Failures previous = this.failures.get(key);
		int count = (previous == null || previous.last().plus(this.settings.forgetAfter()).isBefore(now)) ? 1
				: previous.count() + 1;
		Instant blockedUntil = (count >= this.settings.freeFailures()) ? now.plus(delay(count)) : null;
		this.failures.put(key, new Failures(count, now, blockedUntil));
		while (this.failures.size() > this.settings.maxTracked()) {
			this.failures.remove(this.failures.keySet().iterator().next());
		}
	}

	/** firstDelay × 2^(failures beyond the free ones), capped. */
	Duration delay(int count) {
		int doublings = Math.min(count - this.settings.freeFailures(), 30);
		Duration delay = this.settings.firstDelay().multipliedBy(1L << doublings);
		return (delay.compareTo(this.settings.maxDelay()) > 0) ? this.settings.maxDelay() : delay;
	}

	private static Duration longer(Duration a, Duration b) {
		return (a.compareTo(b) >= 0) ? a : b;
	}

	private static String userKey(String username) {
		return "user:" + username.strip().toLowerCase(Locale.ROOT);
	}

	private static @Nullable String addressKey(@Nullable String address) {
		return (address != null) ? "address:" + address : null;
	}

	private record Failures(int count, Instant last, @Nullable Instant blockedUntil) {
	}

}
