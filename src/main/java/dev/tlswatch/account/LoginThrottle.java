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
 * Counts failed sign-ins, in memory, per username and client address pair, per client
 * address, and per username alone. After {@code freeFailures} failures a pair or an
 * address is blocked for {@code firstDelay}, doubling with each further failure up to
 * {@code maxDelay}; a username alone only after {@code usernameFreeFailures}, so that
 * someone guessing {@code admin}'s password from a few addresses does not lock out the
 * real administrator signing in from another one. While blocked, attempts are refused
 * before the password is checked. A success clears the username's and the pair's counts
 * (not the address's, so one valid account cannot reset the limit of an address).
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
		Duration wait = longer(remaining(userKey(username), now),
				longer(remaining(pairKey(username, address), now), remaining(addressKey(address), now)));
		if (wait.isPositive()) {
			throw new LoginThrottledException(wait);
		}
	}

	synchronized void failed(String username, @Nullable String address) {
		Instant now = this.clock.instant();
		count(userKey(username), this.settings.usernameFreeFailures(), now);
		count(pairKey(username, address), this.settings.freeFailures(), now);
		count(addressKey(address), this.settings.freeFailures(), now);
	}

	synchronized void succeeded(String username, @Nullable String address) {
		this.failures.remove(userKey(username));
		this.failures.remove(pairKey(username, address));
	}

	private Duration remaining(@Nullable String key, Instant now) {
		Failures entry = (key != null) ? this.failures.get(key) : null;
		if (entry == null || entry.blockedUntil() == null || !entry.blockedUntil().isAfter(now)) {
			return Duration.ZERO;
		}
		return Duration.between(now, entry.blockedUntil());
	}

	private void count(@Nullable String key, int freeFailures, Instant now) {
		if (key == null) {
			return;
		}
		Failures previous = this.failures.get(key);
		int count = (previous == null || previous.last().plus(this.settings.forgetAfter()).isBefore(now)) ? 1
				: previous.count() + 1;
		Instant blockedUntil = (count >= freeFailures) ? now.plus(delay(count, freeFailures)) : null;
		this.failures.put(key, new Failures(count, now, blockedUntil));
		while (this.failures.size() > this.settings.maxTracked()) {
			this.failures.remove(this.failures.keySet().iterator().next());
		}
	}

	/** firstDelay × 2^(failures beyond the free ones), capped. */
	Duration delay(int count) {
		return delay(count, this.settings.freeFailures());
	}

	private Duration delay(int count, int freeFailures) {
		int doublings = Math.min(count - freeFailures, 30);
		Duration delay = this.settings.firstDelay().multipliedBy(1L << doublings);
		return (delay.compareTo(this.settings.maxDelay()) > 0) ? this.settings.maxDelay() : delay;
	}

	private static Duration longer(Duration a, Duration b) {
		return (a.compareTo(b) >= 0) ? a : b;
	}

	private static String userKey(String username) {
		return "user:" + username.strip().toLowerCase(Locale.ROOT);
	}

	/** Failures from an unknown address count as one address's. */
	private static String pairKey(String username, @Nullable String address) {
		return "pair:" + ((address != null) ? address : "?") + " " + username.strip().toLowerCase(Locale.ROOT);
	}

	private static @Nullable String addressKey(@Nullable String address) {
		return (address != null) ? "address:" + address : null;
	}

	private record Failures(int count, Instant last, @Nullable Instant blockedUntil) {
	}

}
