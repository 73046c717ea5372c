package dev.tlswatch.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * An instant as a {@code <time>} element shows it: a machine-readable {@code datetime}
 * attribute and a UTC text that {@code app.js} replaces with the browser's local,
 * relative form.
 *
 * @param iso ISO-8601 in UTC, to the second ({@code 2026-11-27T09:04:44Z})
 * @param text the server-side text ({@code 2026-11-27 09:04 UTC})
 */
record Timestamp(String iso, String text) {

	private static final DateTimeFormatter TEXT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);

	static Timestamp of(Instant instant) {
		Instant seconds = instant.truncatedTo(ChronoUnit.SECONDS);
		return new Timestamp(DateTimeFormatter.ISO_INSTANT.format(seconds), TEXT.format(seconds));
	}

}
