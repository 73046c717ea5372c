package dev.tlswatch.probe.wire;

import java.util.stream.Stream;

import dev.tlswatch.probe.KeyExchangeGroup;
import dev.tlswatch.probe.TlsVersion;
import dev.tlswatch.probe.wire.NamedGroup.Family;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link NamedGroup} and the public {@link KeyExchangeGroup} agree.
 */
class NamedGroupTests {

	@Test
	void everyKnownGroupCanBeOfferedOnce() {
		assertThat(Stream.of(NamedGroup.values()).map(NamedGroup::group))
			.containsExactlyInAnyOrderElementsOf(KeyExchangeGroup.known());
		assertThat(KeyExchangeGroup.known()).extracting(KeyExchangeGroup::code).doesNotHaveDuplicates().isSorted();
	}

	@Test
	void onlyTheHybridsArePostQuantumAndOnlyInTls13() {
		assertThat(KeyExchangeGroup.known()).filteredOn(KeyExchangeGroup::postQuantum)
			.extracting(KeyExchangeGroup::name)
			.containsExactly("SecP256r1MLKEM768", "X25519MLKEM768", "SecP384r1MLKEM1024");
		assertThat(NamedGroup.usable(TlsVersion.TLS_1_3, Family.HYBRID)).hasSize(3);
		assertThat(NamedGroup.usable(TlsVersion.TLS_1_2, Family.HYBRID)).isEmpty();
	}

	@Test
	void tls12AndTls13HaveTheirOwnBrainpoolCodes() {
		assertThat(NamedGroup.codes(NamedGroup.usable(TlsVersion.TLS_1_2, Family.ELLIPTIC_CURVE)))
			.containsExactly(0x001D, 0x0017, 0x0018, 0x0019, 0x001E, 0x001A, 0x001B, 0x001C);
		assertThat(NamedGroup.codes(NamedGroup.usable(TlsVersion.TLS_1_3, Family.ELLIPTIC_CURVE)))
			.containsExactly(0x001D, 0x0017, 0x0018, 0x0019, 0x001E, 0x001F, 0x0020, 0x0021);
		assertThat(NamedGroup.codes(NamedGroup.usable(TlsVersion.TLS_1_2, Family.FINITE_FIELD))).containsExactly(0x0100,
				0x0101, 0x0102, 0x0103, 0x0104);
	}

	@Test
	void namesAreTheIanaNames() {
		assertThat(NamedGroup.nameOf(0x11EC)).isEqualTo("X25519MLKEM768");
		assertThat(NamedGroup.nameOf(0x0A0A)).isEqualTo("0x0a0a");
		assertThat(KeyExchangeGroup.byCode(0x001D)).contains(KeyExchangeGroup.X25519);
		assertThat(KeyExchangeGroup.X25519MLKEM768.hexCode()).isEqualTo("0x11EC");
	}

}
