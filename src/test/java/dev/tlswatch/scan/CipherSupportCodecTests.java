package dev.tlswatch.scan;

import java.util.List;

import dev.tlswatch.probe.CipherStrength;
import dev.tlswatch.probe.ServerOrder;
import dev.tlswatch.probe.TlsVersion;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link CipherSupportCodec}: documents stored before a field existed still read, and new
 * fields survive the round trip.
 */
class CipherSupportCodecTests {

	private final CipherSupportCodec codec = new CipherSupportCodec(JsonMapper.builder().build());

	@Test
	void documentWithoutChachaPreferenceReadsAsNotKnown() {
		CipherSupport support = this.codec.decode("""
				{"suites":[{"version":"TLS_1_2","order":"SERVER",
				"accepted":[{"name":"TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256","strength":"STRONG"}],"complete":true}],
				"groups":[],"features":null}""");

		assertThat(support).isNotNull();
		assertThat(support.suites()).singleElement()
			.satisfies((suites) -> assertThat(suites.chachaPreference()).isNull());
	}

	@Test
	void chachaPreferenceAndSslv2CipherKindsSurviveTheRoundTrip() {
		CipherSupport support = new CipherSupport(List.of(
				new CipherSupport.VersionSuites(TlsVersion.TLS_1_2, ServerOrder.SERVER,
						List.of(new CipherSupport.Suite("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
								CipherStrength.STRONG)),
						true, true),
				new CipherSupport.VersionSuites(TlsVersion.SSL_2_0, ServerOrder.UNKNOWN,
						List.of(new CipherSupport.Suite("SSL_CK_RC4_128_WITH_MD5", CipherStrength.INSECURE)), true)),
				List.of(), null);

		assertThat(this.codec.decode(this.codec.encode(support))).isEqualTo(support);
	}

}
