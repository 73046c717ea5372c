package dev.tlswatch.probe.wire;

import java.math.BigInteger;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.interfaces.XECPublicKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.XECPublicKeySpec;
import java.util.Arrays;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@link X25519KeyShare}: the RFC 7748 encoding of a public key.
 */
class X25519KeyShareTests {

	// RFC 7748 §6.1, Alice's public key
	private static final String ALICE = "8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a";

	@Test
	void encodingIsLittleEndianAsInRfc7748() throws Exception {
		byte[] alice = HexFormat.of().parseHex(ALICE);
		byte[] bigEndian = alice.clone();
		reverse(bigEndian);
		BigInteger u = new BigInteger(1, bigEndian);
		XECPublicKey key = (XECPublicKey) KeyFactory.getInstance("X25519")
			.generatePublic(new XECPublicKeySpec(NamedParameterSpec.X25519, u));

		assertThat(HexFormat.of().formatHex(X25519KeyShare.encode(key.getU()))).isEqualTo(ALICE);
		// RFC 8410: the raw key ends the X.509 encoding
		assertThat(X25519KeyShare.encode(key.getU())).isEqualTo(tail(key.getEncoded()));
	}

	@Test
	void smallCoordinatesAreZeroPaddedAtTheEnd() {
		assertThat(HexFormat.of().formatHex(X25519KeyShare.encode(BigInteger.valueOf(9))))
			.isEqualTo("09" + "00".repeat(31));
	}

	@Test
	void generatedKeyMatchesTheJdksOwnEncoding() throws Exception {
		byte[] share = X25519KeyShare.generate();

		assertThat(share).hasSize(32);
		// A second key from the JDK, checked the same way
		XECPublicKey key = (XECPublicKey) KeyPairGenerator.getInstance("X25519").generateKeyPair().getPublic();
		assertThat(X25519KeyShare.encode(key.getU())).isEqualTo(tail(key.getEncoded()));
	}

	@Test
	void valuesOutOfRangeAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> X25519KeyShare.encode(BigInteger.ONE.shiftLeft(256)));
		assertThatIllegalArgumentException().isThrownBy(() -> X25519KeyShare.encode(BigInteger.valueOf(-1)));
	}

	private static byte[] tail(byte[] encoded) {
		return Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
	}

	private static void reverse(byte[] bytes) {
		for (int i = 0, j = bytes.length - 1; i < j; i++, j--) {
			byte swap = bytes[i];
			bytes[i] = bytes[j];
			bytes[j] = swap;
		}
	}

}
