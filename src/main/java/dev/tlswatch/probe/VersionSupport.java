package dev.tlswatch.probe;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Whether a server accepts one protocol version, as seen on the wire.
 *
 * @param version the version offered
 * @param verdict what the server's answer showed
 * @param detail what the answer was, in a few words (the cipher suite chosen, the alert,
 * the lower version chosen, the error), bounded; {@code null} when there is nothing to
 * add
 */
public record VersionSupport(TlsVersion version, VersionVerdict verdict, @Nullable String detail) {

	public VersionSupport {
		Objects.requireNonNull(version, "version");
		Objects.requireNonNull(verdict, "verdict");
	}

}
