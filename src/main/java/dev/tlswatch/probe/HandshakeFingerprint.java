package dev.tlswatch.probe;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * What one handshake with an address showed of its configuration, reduced to compare: the
 * chain as served (SHA-256 of each certificate, leaf first), the negotiated version,
 * suite and group, and the ServerHello's extension types. Two equal fingerprints mean the
 * server very likely still has the configuration a full probe saw.
 *
 * @param chain the SHA-256 of each certificate as sent, leaf first
 * @param protocol the negotiated protocol, {@code null} without a completed handshake
 * @param cipherSuite the negotiated suite, {@code null} without a completed handshake
 * @param group the key exchange group, {@code null} when not known
 * @param extensions the ServerHello's extension types, in the order sent; empty when not
 * known
 */
public record HandshakeFingerprint(List<String> chain, @Nullable String protocol, @Nullable String cipherSuite,
		@Nullable String group, List<Integer> extensions) {

	public HandshakeFingerprint {
		chain = List.copyOf(chain);
		extensions = List.copyOf(extensions);
	}

	/**
	 * The fingerprint of a handshake.
	 * @param handshake the handshake
	 * @param hello what its ServerHello said, {@code null} when it was not read
	 * @return the fingerprint
	 */
	public static HandshakeFingerprint of(HandshakeObservation handshake, @Nullable ServerHelloFacts hello) {
		return new HandshakeFingerprint(handshake.chain().stream().map(CertificateInfo::sha256).toList(),
				handshake.protocol(), handshake.cipherSuite(), (hello != null) ? hello.group() : null,
				(hello != null) ? hello.extensions() : List.of());
	}

	/**
	 * The fingerprint as one line of text, stable across releases.
	 * @return the canonical text
	 */
	public String canonical() {
		return "chain=" + String.join(",", this.chain) + ";protocol=" + this.protocol + ";suite=" + this.cipherSuite
				+ ";group=" + this.group + ";extensions="
				+ this.extensions.stream().map(String::valueOf).collect(Collectors.joining(","));
	}

	/**
	 * The SHA-256 of {@link #canonical()}: what is stored and compared.
	 * @return 64 lower-case hex digits
	 */
	public String value() {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical().getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every JDK has SHA-256", ex);
		}
	}

}
