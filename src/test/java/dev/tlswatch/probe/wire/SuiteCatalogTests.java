package dev.tlswatch.probe.wire;

import java.util.List;

import dev.tlswatch.probe.CipherStrength;
import dev.tlswatch.probe.CipherSuites;
import dev.tlswatch.probe.TlsVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link SuiteCatalog}: which suites of the registry each version offers, in which order.
 */
class SuiteCatalogTests {

	@Test
	void tls13OffersEveryTls13SuiteWithChaChaLast() {
		assertThat(SuiteCatalog.enumerable(TlsVersion.TLS_1_3)).containsExactlyInAnyOrder(0x1301, 0x1302, 0x1303,
				0x1304, 0x1305, 0x1306, 0x1307, 0x00C6, 0x00C7, 0xC0B4, 0xC0B5, 0xC103, 0xC104, 0xC105, 0xC106);
		assertThat(SuiteCatalog.enumerable(TlsVersion.TLS_1_3)).startsWith(0x1301, 0x1302).endsWith(0x1303);
	}

	@ParameterizedTest
	@EnumSource(value = TlsVersion.class, names = { "SSL_3_0", "TLS_1_0", "TLS_1_1", "TLS_1_2" })
	void olderVersionsOfferTheRestOfTheRegistry(TlsVersion version) {
		List<Integer> offer = SuiteCatalog.enumerable(version);
		long signalling = CipherSuites.all()
			.stream()
			.filter((suite) -> suite.strength() == CipherStrength.SIGNALLING)
			.count();

		assertThat(offer).doesNotHaveDuplicates()
			.doesNotContain(0x0000, 0x00FF, 0x5600, 0x1301, 0x00C6, 0xC0B4, 0xC103)
			.contains(0xC100, 0x000A, 0x0004, 0xC0B0)
			.hasSize(CipherSuites.all().size() - (int) signalling - 15 - 1);
		assertThat(offer.subList(offer.size() - 7, offer.size())).allMatch(SuiteCatalog::isChaCha);
		assertThat(offer.subList(0, offer.size() - 7)).noneMatch(SuiteCatalog::isChaCha);
	}

	@Test
	void commonSuitesComeFirst() {
		assertThat(SuiteCatalog.enumerable(TlsVersion.TLS_1_2)).startsWith(0xC02B, 0xC02F, 0xC02C, 0xC030, 0x009E);
		assertThat(SuiteCatalog.enumerable(TlsVersion.TLS_1_0)).startsWith(0xC009, 0xC013);
	}

	@Test
	void keyExchangeFilterKeepsTheOrder() {
		assertThat(SuiteCatalog.enumerable(TlsVersion.TLS_1_2, ServerKeyExchangeParser::finiteField))
			.startsWith(0x009E, 0x009F)
			.contains(0x0016, 0x0034)
			.doesNotContain(0xC02F, 0x002F, 0x0030)
			.endsWith(0xCCAA, 0xCCAD);
		assertThat(SuiteCatalog.enumerable(TlsVersion.TLS_1_2, ServerKeyExchangeParser::ellipticCurve))
			.contains(0xC02B, 0xC018)
			.doesNotContain(0xC004, 0xC02D)
			.allMatch((code) -> CipherSuites.byCode(code).orElseThrow().name().contains("ECDH"));
	}

	@Test
	void wholeListFitsOneClientHelloUnder1Kib() {
		byte[] hello = ClientHelloBuilder.offering(TlsVersion.TLS_1_2)
			.serverName("a-rather-long-host-name.example.com")
			.cipherSuites(SuiteCatalog.enumerable(TlsVersion.TLS_1_2))
			.groups(NamedGroup.codes(NamedGroup.usable(TlsVersion.TLS_1_2)))
			.build();

		assertThat(hello.length).isLessThan(1024);
	}

}
