package dev.tlswatch.account;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How sign-ins with a wrong password are slowed down.
 *
 * @param freeFailures failures per username and client address pair, and per client
 * address, before a delay
 * @param usernameFreeFailures failures of one username from all addresses together before
 * that username is delayed everywhere; much higher than {@code freeFailures}, so that
 * failures from some addresses do not lock out the user at another
 * @param firstDelay the delay after that many failures; it doubles with each further one
 * @param maxDelay the longest delay
 * @param forgetAfter a username or address without failures for this long starts afresh
 * @param maxTracked most usernames and addresses remembered at once (oldest forgotten)
 */
@ConfigurationProperties("tlswatch.account.login")
record LoginThrottleSettings(@DefaultValue("5") int freeFailures, @DefaultValue("2s") Duration firstDelay,
		@DefaultValue("15m") Duration maxDelay, @DefaultValue("1h") Duration forgetAfter,
		@DefaultValue("10000") int maxTracked, @DefaultValue("50") int usernameFreeFailures) {

	LoginThrottleSettings {
		if (usernameFreeFailures < freeFailures) {
			throw new IllegalArgumentException(
					"tlswatch.account.login.username-free-failures must be at least free-failures");
		}
		if (freeFailures < 1 || firstDelay.isNegative() || maxDelay.compareTo(firstDelay) < 0 || maxTracked < 1) {
			throw new IllegalArgumentException("tlswatch.account.login: free-failures and max-tracked must be"
					+ " positive, and max-delay at least first-delay");
		}
	}

}
