package dev.tlswatch.probe;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link DerivedVulnerabilities} on hand-built sweep results: each derived vulnerability
 * once found, once ruled out, and not tested when the sweeps do not tell.
 */
class DerivedVulnerabilitiesTests {

	@Test
	void modernServerIsVulnerableToNothing() {
		List<VulnerabilityResult> results = derive(
				Map.of(TlsVersion.TLS_1_2, List.of("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"), TlsVersion.TLS_1_3,
						List.of("TLS_AES_128_GCM_SHA256")),
				rejectedSsl2(), features(true));

		assertThat(results).extracting(VulnerabilityResult::vulnerability)
			.containsExactly(Vulnerability.POODLE, Vulnerability.CLIENT_RENEGOTIATION, Vulnerability.SWEET32,
					Vulnerability.FREAK, Vulnerability.DROWN, Vulnerability.BEAST, Vulnerability.LUCKY13);
		assertThat(results).allSatisfy((result) -> {
			assertThat(result.status()).as(result.vulnerability().name()).isEqualTo(VulnerabilityStatus.NOT_VULNERABLE);
			assertThat(result.connections()).isZero();
		});
	}

	@Test
	void sslv3WithCbcIsPoodleAndBeast() {
		Map<Vulnerability, VulnerabilityResult> results = byId(
				derive(Map.of(TlsVersion.SSL_3_0, List.of("TLS_RSA_WITH_AES_128_CBC_SHA"), TlsVersion.TLS_1_2,
						List.of("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256")), rejectedSsl2(), features(true)));

		assertThat(results.get(Vulnerability.POODLE)).isEqualTo(VulnerabilityResult.vulnerable(Vulnerability.POODLE,
				"SSL 3.0 with a CBC suite: TLS_RSA_WITH_AES_128_CBC_SHA", 0));
		assertThat(results.get(Vulnerability.BEAST).vulnerable()).isTrue();
		assertThat(results.get(Vulnerability.LUCKY13).vulnerable()).isTrue();
		assertThat(results.get(Vulnerability.SWEET32).vulnerable()).isFalse();
	}

	@Test
	void sslv3WithRc4OnlyIsNotPoodle() {
		Map<Vulnerability, VulnerabilityResult> results = byId(
				derive(Map.of(TlsVersion.SSL_3_0, List.of("TLS_RSA_WITH_RC4_128_SHA")), rejectedSsl2(), null));

		assertThat(results.get(Vulnerability.POODLE).status()).isEqualTo(VulnerabilityStatus.NOT_VULNERABLE);
		assertThat(results.get(Vulnerability.BEAST).status()).isEqualTo(VulnerabilityStatus.NOT_VULNERABLE);
	}

	@Test
	void tls10WithCbcIsBeast() {
		Map<Vulnerability, VulnerabilityResult> results = byId(
				derive(Map.of(TlsVersion.TLS_1_0, List.of("TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA")), rejectedSsl2(),
						features(true)));

		assertThat(results.get(Vulnerability.BEAST)).isEqualTo(VulnerabilityResult.vulnerable(Vulnerability.BEAST,
				"CBC suite with TLS 1.0 or SSL 3.0: TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA", 0));
		assertThat(results.get(Vulnerability.POODLE).status()).isEqualTo(VulnerabilityStatus.NOT_VULNERABLE);
	}

	@Test
	void tripleDesIsSweet32AndExportRsaIsFreak() {
		Map<Vulnerability, VulnerabilityResult> results = byId(derive(
				Map.of(TlsVersion.TLS_1_2, List.of("TLS_RSA_WITH_3DES_EDE_CBC_SHA", "TLS_RSA_EXPORT_WITH_RC4_40_MD5")),
				rejectedSsl2(), features(true)));

		assertThat(results.get(Vulnerability.SWEET32).detail())
			.isEqualTo("64-bit block cipher accepted: TLS_RSA_WITH_3DES_EDE_CBC_SHA");
		assertThat(results.get(Vulnerability.FREAK).detail())
			.isEqualTo("Export RSA suite accepted: TLS_RSA_EXPORT_WITH_RC4_40_MD5");
	}

	@Test
	void sslv2IsDrown() {
		assertThat(DerivedVulnerabilities.drown(new Ssl2Support(VersionVerdict.ACCEPTED, List.of(), null)).status())
			.isEqualTo(VulnerabilityStatus.VULNERABLE);
		assertThat(DerivedVulnerabilities.drown(rejectedSsl2()).status()).isEqualTo(VulnerabilityStatus.NOT_VULNERABLE);
		assertThat(DerivedVulnerabilities.drown(null).status()).isEqualTo(VulnerabilityStatus.NOT_TESTED);
		assertThat(DerivedVulnerabilities.drown(new Ssl2Support(VersionVerdict.TIMEOUT, List.of(), "timed out")))
			.isEqualTo(VulnerabilityResult.notTested(Vulnerability.DROWN, "SSL 2.0 not known: timed out", 0));
	}

	@Test
	void renegotiationIsRuledOutBySecureRenegotiationOrTls13AndOtherwiseNotTested() {
		Map<Vulnerability, VulnerabilityResult> tls13 = byId(
				derive(Map.of(TlsVersion.TLS_1_3, List.of("TLS_AES_128_GCM_SHA256")), rejectedSsl2(), null));
		Map<Vulnerability, VulnerabilityResult> legacy = byId(
				derive(Map.of(TlsVersion.TLS_1_2, List.of("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256")), rejectedSsl2(),
						features(false)));

		assertThat(tls13.get(Vulnerability.CLIENT_RENEGOTIATION).detail())
			.isEqualTo("TLS 1.3 only, which has no renegotiation");
		assertThat(legacy.get(Vulnerability.CLIENT_RENEGOTIATION).status()).isEqualTo(VulnerabilityStatus.NOT_TESTED);
	}

	@Test
	void incompleteEnumerationIsNotTestedRatherThanNotVulnerable() {
		List<VersionSupport> versions = versions(Map.of(TlsVersion.TLS_1_2, List.of()));
		Map<TlsVersion, SuiteEnumeration> suites = Map.of(TlsVersion.TLS_1_2, new SuiteEnumeration(TlsVersion.TLS_1_2,
				List.of(suite("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256")), ServerOrder.UNKNOWN, 3, "timed out"));

		Map<Vulnerability, VulnerabilityResult> results = byId(
				DerivedVulnerabilities.derive(versions, suites, rejectedSsl2(), features(true)));

		assertThat(results.get(Vulnerability.SWEET32)).isEqualTo(
				VulnerabilityResult.notTested(Vulnerability.SWEET32, "The suites of TLSv1.2 are not all known", 0));
	}

	@Test
	void versionThatTimedOutIsNotTested() {
		List<VersionSupport> versions = new ArrayList<>(versions(Map.of(TlsVersion.TLS_1_2, List.of())));
		versions.set(0, new VersionSupport(TlsVersion.SSL_3_0, VersionVerdict.TIMEOUT, "timed out"));

		VulnerabilityResult poodle = byId(DerivedVulnerabilities.derive(versions, Map.of(), rejectedSsl2(), null))
			.get(Vulnerability.POODLE);

		assertThat(poodle).isEqualTo(VulnerabilityResult.notTested(Vulnerability.POODLE, "SSLv3 support not known", 0));
	}

	private static List<VulnerabilityResult> derive(Map<TlsVersion, List<String>> accepted, @Nullable Ssl2Support ssl2,
			@Nullable FeatureReport features) {
		Map<TlsVersion, SuiteEnumeration> suites = new EnumMap<>(TlsVersion.class);
		accepted.forEach((version, names) -> suites.put(version, new SuiteEnumeration(version,
				names.stream().map(DerivedVulnerabilitiesTests::suite).toList(), ServerOrder.SERVER, 1, null)));
		return DerivedVulnerabilities.derive(versions(accepted), suites, ssl2, features);
	}

	private static List<VersionSupport> versions(Map<TlsVersion, List<String>> accepted) {
		return TlsVersion.probed()
			.stream()
			.map((version) -> new VersionSupport(version,
					accepted.containsKey(version) ? VersionVerdict.ACCEPTED : VersionVerdict.REJECTED, null))
			.toList();
	}

	private static CipherSuite suite(String name) {
		return CipherSuites.byName(name).orElseThrow();
	}

	private static Ssl2Support rejectedSsl2() {
		return new Ssl2Support(VersionVerdict.REJECTED, List.of(), null);
	}

	private static FeatureReport features(boolean secureRenegotiation) {
		return new FeatureReport(Observed.of(List.<String>of(), null), Observed.of(secureRenegotiation, null),
				Observed.of(true, null), Observed.of(false, null), 3);
	}

	private static Map<Vulnerability, VulnerabilityResult> byId(List<VulnerabilityResult> results) {
		Map<Vulnerability, VulnerabilityResult> map = new EnumMap<>(Vulnerability.class);
		results.forEach((result) -> map.put(result.vulnerability(), result));
		return map;
	}

}
