package dev.tlswatch.probe;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What a server's ServerHello (and, up to TLS 1.2, its ServerKeyExchange) said in clear
 * during a handshake: the parts of a fingerprint the JDK does not tell.
 *
 * @param group the key exchange group's name (the key_share of TLS 1.3, RFC 8446 §4.2.8;
 * the named curve or RFC 7919 group of a TLS 1.2 ServerKeyExchange), {@code null} when
 * there is none to tell
 * @param extensions the extension types of the ServerHello, in the order sent
 */
public record ServerHelloFacts(@Nullable String group, List<Integer> extensions) {

	public ServerHelloFacts {
		extensions = List.copyOf(extensions);
	}

}
