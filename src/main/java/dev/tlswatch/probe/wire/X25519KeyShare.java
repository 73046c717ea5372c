package dev.tlswatch.probe.wire;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.interfaces.XECPublicKey;

/**
 * A fresh X25519 public key for a TLS 1.3 key_share (RFC 8446 §4.2.8.2). The private key
 * is thrown away: the probe never completes a handshake.
 */
final class X25519KeyShare {

	/** An X25519 public key is 32 bytes, RFC 7748 §6.1. */
	static final int KEY_LENGTH = 32;

	private X25519KeyShare() {
	}

	/**
	 * A new public key in the form the key_share carries.
	 * @return the 32 bytes
	 */
	static byte[] generate() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("X25519");
			XECPublicKey key = (XECPublicKey) generator.generateKeyPair().getPublic();
			return encode(key.getU());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Unable to generate an X25519 key share", ex);
		}
	}

	/**
	 * The u-coordinate as 32 bytes, least significant byte first (RFC 7748 §5).
	 * @param u the coordinate, below 2^255
	 * @return the encoding
	 */
	static byte[] encode(BigInteger u) {
		if (u.signum() < 0 || u.bitLength() > 8 * KEY_LENGTH) {
			throw new IllegalArgumentException("Not an X25519 u-coordinate");
		}
		byte[] bigEndian = u.toByteArray();
		byte[] littleEndian = new byte[KEY_LENGTH];
		// toByteArray() may add a leading zero byte for the sign, which is skipped here
		for (int i = 0; i < KEY_LENGTH && i < bigEndian.length; i++) {
			littleEndian[i] = bigEndian[bigEndian.length - 1 - i];
		}
		return littleEndian;
	}

}
