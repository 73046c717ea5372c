package dev.tlswatch.probe.cert;

import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Key algorithm names and sizes: {@link KeyFacts}.
 */
class KeyFactsTests {

	@ParameterizedTest(name = "{0} is {1} with {2} bits")
	@CsvSource({ "Ed25519, Ed25519, 255", "Ed448, Ed448, 448", "X25519, X25519, 255", "X448, X448, 448",
			"DSA, DSA, 2048" })
	void keyIsNamedAndSized(String generatorAlgorithm, String algorithm, int bits) throws Exception {
		PublicKey key = KeyPairGenerator.getInstance(generatorAlgorithm).generateKeyPair().getPublic();
		assertThat(KeyFacts.algorithm(key)).isEqualTo(algorithm);
		assertThat(KeyFacts.size(key)).isEqualTo(bits);
	}

	@Test
	void ecKeySizeIsTheFieldSizeOfItsCurve() throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
		generator.initialize(new ECGenParameterSpec("secp384r1"));
		PublicKey key = generator.generateKeyPair().getPublic();
		assertThat(KeyFacts.algorithm(key)).isEqualTo("EC");
		assertThat(KeyFacts.size(key)).isEqualTo(384);
	}

	@Test
	void rsaKeySizeIsTheModulusLength() throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(1024);
		PublicKey key = generator.generateKeyPair().getPublic();
		assertThat(KeyFacts.algorithm(key)).isEqualTo("RSA");
		assertThat(KeyFacts.size(key)).isEqualTo(1024);
	}

}
