package dev.tlswatch.probe;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CipherSuitesTests {

	@Test
	void knowsTheWholeRegistryOncePerCode() {
		assertThat(CipherSuites.all()).hasSizeGreaterThan(340);
		assertThat(CipherSuites.all()).extracting(CipherSuite::code).doesNotHaveDuplicates();
		assertThat(CipherSuites.all()).extracting(CipherSuite::name).doesNotHaveDuplicates();
	}

	@Test
	void splitsAClassicSuiteIntoItsParts() {
		CipherSuite suite = CipherSuites.byCode(0xC02F).orElseThrow();

		assertThat(suite.name()).isEqualTo("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256");
		assertThat(suite.keyExchange()).isEqualTo("ECDHE");
		assertThat(suite.authentication()).isEqualTo("RSA");
		assertThat(suite.encryption()).isEqualTo("AES_128_GCM");
		assertThat(suite.encryptionBits()).isEqualTo(128);
		assertThat(suite.mac()).isEqualTo("SHA256");
		assertThat(suite.strength()).isEqualTo(CipherStrength.STRONG);
		assertThat(suite.reasons()).isEmpty();
		assertThat(suite.forwardSecret()).isTrue();
		assertThat(suite.hexCode()).isEqualTo("0xC02F");
	}

	@Test
	void tls13SuitesAreStrongWithNegotiatedKeyExchange() {
		CipherSuite suite = CipherSuites.byName("TLS_CHACHA20_POLY1305_SHA256").orElseThrow();

		assertThat(suite.code()).isEqualTo(0x1303);
		assertThat(suite.keyExchange()).isEqualTo("ANY");
		assertThat(suite.encryption()).isEqualTo("CHACHA20_POLY1305");
		assertThat(suite.encryptionBits()).isEqualTo(256);
		assertThat(suite.strength()).isEqualTo(CipherStrength.STRONG);
	}

	@Test
	void classifiesBrokenSuitesAsInsecureWithReasons() {
		assertThat(reasons("TLS_RSA_WITH_NULL_MD5")).contains("no encryption", "MD5 MAC");
		assertThat(reasons("TLS_DH_anon_WITH_AES_128_GCM_SHA256")).containsExactly("anonymous key exchange");
		assertThat(reasons("TLS_RSA_EXPORT_WITH_RC4_40_MD5")).contains("export grade", "RC4", "MD5 MAC");
		assertThat(reasons("TLS_ECDHE_RSA_WITH_3DES_EDE_CBC_SHA")).containsExactly("3DES (64-bit block, Sweet32)");
		assertThat(reasons("TLS_RSA_WITH_DES_CBC_SHA")).containsExactly("DES");
		assertThat(reasons("TLS_SHA256_SHA256")).containsExactly("no encryption");
		assertThat(CipherSuites.byName("TLS_ECDHE_RSA_WITH_RC4_128_SHA").orElseThrow().strength())
			.isEqualTo(CipherStrength.INSECURE);
		assertThat(CipherSuites.byCode(0x0003).orElseThrow().encryptionBits()).isEqualTo(40);
		assertThat(CipherSuites.byCode(0x000A).orElseThrow().encryptionBits()).isEqualTo(112);
	}

	@Test
	void classifiesCbcAndStaticKeyExchangeAsWeak() {
		CipherSuite cbc = CipherSuites.byName("TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384").orElseThrow();
		CipherSuite staticRsa = CipherSuites.byName("TLS_RSA_WITH_AES_128_GCM_SHA256").orElseThrow();
		CipherSuite staticEcdh = CipherSuites.byName("TLS_ECDH_ECDSA_WITH_AES_128_GCM_SHA256").orElseThrow();

		assertThat(cbc.strength()).isEqualTo(CipherStrength.WEAK);
		assertThat(cbc.reasons()).containsExactly("CBC mode without AEAD");
		assertThat(staticRsa.strength()).isEqualTo(CipherStrength.WEAK);
		assertThat(staticRsa.reasons()).containsExactly("no forward secrecy (RSA key exchange)");
		assertThat(staticRsa.forwardSecret()).isFalse();
		assertThat(staticEcdh.reasons()).containsExactly("no forward secrecy (ECDH key exchange)");
	}

	@Test
	void readsPskAndSrpAndCcmNames() {
		CipherSuite pskDhe = CipherSuites.byName("TLS_PSK_DHE_WITH_AES_128_CCM_8").orElseThrow();
		CipherSuite rsaPsk = CipherSuites.byName("TLS_RSA_PSK_WITH_AES_256_GCM_SHA384").orElseThrow();
		CipherSuite srp = CipherSuites.byName("TLS_SRP_SHA_RSA_WITH_AES_128_CBC_SHA").orElseThrow();

		assertThat(pskDhe.keyExchange()).isEqualTo("DHE");
		assertThat(pskDhe.authentication()).isEqualTo("PSK");
		assertThat(pskDhe.mac()).isEqualTo("AEAD");
		assertThat(pskDhe.strength()).isEqualTo(CipherStrength.STRONG);
		assertThat(rsaPsk.keyExchange()).isEqualTo("RSA");
		assertThat(rsaPsk.authentication()).isEqualTo("PSK");
		assertThat(srp.keyExchange()).isEqualTo("SRP");
		assertThat(srp.authentication()).isEqualTo("RSA");
	}

	@Test
	void signallingValuesAreNotSuites() {
		assertThat(CipherSuites.byCode(0x00FF).orElseThrow().strength()).isEqualTo(CipherStrength.SIGNALLING);
		assertThat(CipherSuites.byName("TLS_FALLBACK_SCSV").orElseThrow().code()).isEqualTo(0x5600);
	}

	@Test
	void acceptsTheJdksLegacyNamesAndRejectsUnknownOnes() {
		assertThat(CipherSuites.byName("SSL_RSA_WITH_3DES_EDE_CBC_SHA")).map(CipherSuite::code).contains(0x000A);
		assertThat(CipherSuites.byName("TLS_MADE_UP")).isEmpty();
		assertThat(CipherSuites.byCode(0xFFFF)).isEmpty();
	}

	@Test
	void everyRegisteredSuiteIsClassified() {
		assertThat(CipherSuites.all()).allSatisfy((suite) -> {
			assertThat(suite.strength()).isNotNull();
			assertThat(suite.encryption()).isNotBlank();
			if (suite.strength() == CipherStrength.STRONG) {
				assertThat(suite.reasons()).as(suite.name()).isEmpty();
			}
			else if (suite.strength() != CipherStrength.SIGNALLING) {
				assertThat(suite.reasons()).as(suite.name()).isNotEmpty();
			}
		});
	}

	private static java.util.List<String> reasons(String name) {
		CipherSuite suite = CipherSuites.byName(name).orElseThrow();
		assertThat(suite.strength()).as(name).isEqualTo(CipherStrength.INSECURE);
		return suite.reasons();
	}

}
