package dev.tlswatch.web;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The one place where pages turn numbers and instants into words, for every template,
 * including those of other modules' controllers:
 * {@code ${T(dev.tlswatch.web.Fmt).count(n, 'user', 'users')}}. Instants become the
 * {@link Timestamp} that the {@code fragments :: instant} family renders as a
 * {@code <time datetime="...">}, and counts get the right plural. Static, so that it
 * needs no bean in a test slice.
 */
public final class Fmt {

	private Fmt() {
	}

	/**
	 * An instant as the {@code <time>} fragments show it.
	 * @param instant the instant, or {@code null}
	 * @return its timestamp, {@code null} for {@code null} (the fragments show a dash)
	 */
	public static @Nullable Timestamp instant(@Nullable Instant instant) {
		return (instant != null) ? Timestamp.of(instant) : null;
	}

	/**
	 * A count with its noun: {@code 1 user}, {@code 0 users}, {@code 2 users}.
	 * @param count how many
	 * @param one the noun for exactly one
	 * @param many the noun for any other count
	 * @return the count and the noun
	 */
	public static String count(long count, String one, String many) {
		return count + " " + ((count == 1) ? one : many);
	}

}
