package dev.tlswatch.probe;

import java.util.Objects;

/**
 * Whether a server that enforces its own cipher suite order honours a client that puts
 * ChaCha20-Poly1305 first (as clients without AES hardware do), for one protocol version.
 *
 * @param version TLS 1.2 or TLS 1.3
 * @param prefersChacha {@code true} when the server chose the ChaCha20-Poly1305 suite
 * offered before its own top AES-GCM suite, {@code false} when it kept to AES-GCM;
 * {@link Observed.Status#NOT_APPLICABLE} when the server follows the client's order or
 * does not accept both kinds of suite
 * @param connections the TCP connections attempted, 0 or 1
 */
public record ChachaPreference(TlsVersion version, Observed<Boolean> prefersChacha, int connections) {

	public ChachaPreference {
		Objects.requireNonNull(version, "version");
		Objects.requireNonNull(prefersChacha, "prefersChacha");
		if (connections < 0) {
			throw new IllegalArgumentException("Connections must not be negative, was " + connections);
		}
	}

}
