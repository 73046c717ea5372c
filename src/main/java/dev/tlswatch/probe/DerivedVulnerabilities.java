package dev.tlswatch.probe;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

/**
 * The vulnerabilities that follow from what the version, suite, SSL 2.0 and feature
 * probes already found, without a connection of their own: POODLE, BEAST, SWEET32, FREAK,
 * DROWN, LUCKY13 and insecure client-initiated renegotiation. A verdict of "not
 * vulnerable" needs complete enumerations; anything less is
 * {@link VulnerabilityStatus#NOT_TESTED}.
 */
public final class DerivedVulnerabilities {

	private DerivedVulnerabilities() {
	}

	/**
	 * Every derived verdict, in the order of {@link Vulnerability}.
	 * @param versions the version verdicts of the sweeps
	 * @param suites the accepted suites per accepted version
	 * @param ssl2 the SSL 2.0 answer, {@code null} when not probed
	 * @param features the protocol features, {@code null} when not probed
	 * @return the verdicts
	 */
	public static List<VulnerabilityResult> derive(List<VersionSupport> versions,
			Map<TlsVersion, SuiteEnumeration> suites, @Nullable Ssl2Support ssl2, @Nullable FeatureReport features) {
		Facts facts = new Facts(versions, suites);
		List<VulnerabilityResult> results = new ArrayList<>();
		results.add(poodle(facts));
		results.add(clientRenegotiation(facts, features));
		results.add(sweet32(facts));
		results.add(freak(facts));
		results.add(drown(ssl2));
		results.add(beast(facts));
		results.add(lucky13(facts));
		return List.copyOf(results);
	}

	/** SSL 3.0 with a CBC suite: its padding is not covered by the MAC (RFC 7568). */
	static VulnerabilityResult poodle(Facts facts) {
		return withSuites(Vulnerability.POODLE, facts, List.of(TlsVersion.SSL_3_0), DerivedVulnerabilities::cbc,
				"SSL 3.0 with a CBC suite", "No CBC suite with SSL 3.0");
	}

	/** TLS 1.0 and SSL 3.0 use the last ciphertext block as the next IV. */
	static VulnerabilityResult beast(Facts facts) {
		return withSuites(Vulnerability.BEAST, facts, List.of(TlsVersion.SSL_3_0, TlsVersion.TLS_1_0),
				DerivedVulnerabilities::cbc, "CBC suite with TLS 1.0 or SSL 3.0",
				"No CBC suite with TLS 1.0 or SSL 3.0");
	}

	/** Block ciphers with 64-bit blocks: DES, 3DES, IDEA, RC2 and GOST 28147-89. */
	static VulnerabilityResult sweet32(Facts facts) {
		return withSuites(Vulnerability.SWEET32, facts, TlsVersion.probed(), DerivedVulnerabilities::smallBlock,
				"64-bit block cipher accepted", "No 64-bit block cipher");
	}

	/** RSA_EXPORT key exchange: a 512-bit RSA key the client can be forced down to. */
	static VulnerabilityResult freak(Facts facts) {
		return withSuites(Vulnerability.FREAK, facts, TlsVersion.probed(),
				(suite) -> suite.name().startsWith("TLS_RSA_EXPORT"), "Export RSA suite accepted",
				"No export RSA suite");
	}

	/** MAC-then-encrypt CBC suites leak timing; informational, as SSL Labs shows it. */
	static VulnerabilityResult lucky13(Facts facts) {
		return withSuites(Vulnerability.LUCKY13, facts, TlsVersion.probed(), DerivedVulnerabilities::cbc,
				"CBC suite accepted (informational: a timing side channel, mitigated in current libraries)",
				"No CBC suite");
	}

	/**
	 * SSL 2.0 on this address: it serves the same key as TLS here, so an SSL 2.0
	 * Bleichenbacher oracle decrypts TLS sessions too.
	 */
	static VulnerabilityResult drown(@Nullable Ssl2Support ssl2) {
		if (ssl2 == null) {
			return VulnerabilityResult.notTested(Vulnerability.DROWN, "SSL 2.0 was not probed", 0);
		}
		return switch (ssl2.verdict()) {
			case ACCEPTED -> VulnerabilityResult.vulnerable(Vulnerability.DROWN,
					"SSL 2.0 accepted on the address that serves this key", 0);
			case REJECTED -> VulnerabilityResult.notVulnerable(Vulnerability.DROWN, "SSL 2.0 refused", 0);
			case TIMEOUT, ERROR -> VulnerabilityResult.notTested(Vulnerability.DROWN,
					"SSL 2.0 not known: " + ((ssl2.detail() != null) ? ssl2.detail() : ssl2.verdict().name()), 0);
		};
	}

	/**
	 * Renegotiation with RFC 5746 is not insecure; TLS 1.3 has none. A server without RFC
	 * 5746 is vulnerable only if it accepts a renegotiation the client starts, which is
	 * not tested here.
	 */
	static VulnerabilityResult clientRenegotiation(Facts facts, @Nullable FeatureReport features) {
		Vulnerability id = Vulnerability.CLIENT_RENEGOTIATION;
		List<TlsVersion> accepted = facts.accepted();
		if (facts.versionsKnown() && !accepted.isEmpty() && accepted.stream().allMatch(TlsVersion.TLS_1_3::equals)) {
			return VulnerabilityResult.notVulnerable(id, "TLS 1.3 only, which has no renegotiation", 0);
		}
		Boolean secure = (features != null) ? features.secureRenegotiation().value() : null;
		if (Boolean.TRUE.equals(secure)) {
			return VulnerabilityResult.notVulnerable(id, "Secure renegotiation (RFC 5746) supported", 0);
		}
		if (Boolean.FALSE.equals(secure)) {
			return VulnerabilityResult.notTested(id, "No secure renegotiation (RFC 5746); whether the server accepts"
					+ " a renegotiation the client starts was not tested", 0);
		}
		return VulnerabilityResult.notTested(id, "Secure renegotiation not known", 0);
	}

	/**
	 * Vulnerable when one of the versions accepts a matching suite; not vulnerable when
	 * every one of them is known and none does.
	 */
	private static VulnerabilityResult withSuites(Vulnerability id, Facts facts, Collection<TlsVersion> versions,
			Predicate<CipherSuite> matches, String vulnerable, String notVulnerable) {
		Optional<CipherSuite> match = versions.stream()
			.map(facts.suites()::get)
			.filter((enumeration) -> enumeration != null)
			.flatMap((enumeration) -> enumeration.accepted().stream())
			.filter(matches)
			.findFirst();
		if (match.isPresent()) {
			return VulnerabilityResult.vulnerable(id, vulnerable + ": " + match.get().name(), 0);
		}
		for (TlsVersion version : versions) {
			if (version == TlsVersion.SSL_2_0) {
				continue;
			}
			VersionSupport support = facts.support(version);
			if (support == null || support.verdict() == VersionVerdict.TIMEOUT
					|| support.verdict() == VersionVerdict.ERROR) {
				return VulnerabilityResult.notTested(id, version.shortName() + " support not known", 0);
			}
			SuiteEnumeration enumeration = facts.suites().get(version);
			if (support.verdict() == VersionVerdict.ACCEPTED && (enumeration == null || !enumeration.complete())) {
				return VulnerabilityResult.notTested(id, "The suites of " + version.shortName() + " are not all known",
						0);
			}
		}
		return VulnerabilityResult.notVulnerable(id, notVulnerable, 0);
	}

	private static boolean cbc(CipherSuite suite) {
		return suite.name().contains("_CBC");
	}

	private static boolean smallBlock(CipherSuite suite) {
		String name = suite.name();
		return name.contains("DES") || name.contains("IDEA") || name.contains("RC2") || name.contains("28147");
	}

	/**
	 * What the sweeps found.
	 *
	 * @param versions the version verdicts
	 * @param suites the accepted suites per accepted version
	 */
	record Facts(List<VersionSupport> versions, Map<TlsVersion, SuiteEnumeration> suites) {

		@Nullable VersionSupport support(TlsVersion version) {
			return this.versions.stream().filter((support) -> support.version() == version).findFirst().orElse(null);
		}

		List<TlsVersion> accepted() {
			return this.versions.stream()
				.filter((support) -> support.verdict() == VersionVerdict.ACCEPTED)
				.map(VersionSupport::version)
				.toList();
		}

		boolean versionsKnown() {
			return !this.versions.isEmpty() && this.versions.stream()
				.noneMatch((support) -> support.verdict() == VersionVerdict.TIMEOUT
						|| support.verdict() == VersionVerdict.ERROR);
		}

	}

}
