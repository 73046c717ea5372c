package dev.tlswatch.probe;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * What a full probe of one address found, as far as the grade needs it. Every observation
 * may be unknown ({@code null}, or {@link TrustStatus#UNKNOWN}): unknown is not false, so
 * an unknown input never lowers the grade, and the grade lists it as not tested. Start
 * from {@link #UNKNOWN} and add what was observed with the {@code withX(...)} methods.
 *
 * @param versions the protocol versions the server accepts; never empty
 * @param suites the cipher suites the server accepts, per version; a version without an
 * entry was not enumerated; only versions in {@code versions}, each with at least one
 * suite; signalling values are ignored
 * @param serverKey the leaf certificate's public key
 * @param dhBits the smallest finite-field Diffie-Hellman group the server used in a DHE
 * (or TLS 1.3 {@code ffdhe}) key exchange, in bits
 * @param ecdhBits the smallest elliptic-curve group the server used in an ECDHE (or TLS
 * 1.3) key exchange, in bits ({@code 256} for P-256, {@code 255} for X25519)
 * @param trust whether the chain is trusted
 * @param hostnameMatches whether the leaf matches the expected name
 * @param chainIssues what is wrong with the chain as sent, empty when nothing is
 * @param signatureAlgorithm the leaf certificate's signature algorithm
 * ({@code SHA256withRSA}...)
 * @param secureRenegotiation whether the server supports secure renegotiation (RFC 5746)
 * @param insecureRenegotiation whether the server accepts a renegotiation without RFC
 * 5746 (vulnerable to CVE-2009-3555)
 * @param compression whether the server accepts TLS compression (CRIME)
 * @param hstsMaxAge the HSTS {@code max-age} in seconds: {@code 0} when the HTTP response
 * carries no valid {@code Strict-Transport-Security} header, {@code null} when not tested
 * or not HTTP
 * @param fallbackScsv whether the server honours TLS_FALLBACK_SCSV (RFC 7507);
 * informational, not graded since revision 2009r
 * @param mustStapleWithoutStaple whether the leaf demands OCSP stapling (RFC 7633) but no
 * staple was sent; informational, the rating guide has no rule for it
 * @param hstsApplies whether HSTS applies: the server speaks HTTP, or that is not known;
 * {@code false} (a mail or directory server...) means {@code hstsMaxAge} is ignored and
 * HSTS neither earns nor withholds A+
 */
public record GradeInput(@Nullable Set<TlsVersion> versions, @Nullable Map<TlsVersion, List<CipherSuite>> suites,
		@Nullable ServerKey serverKey, @Nullable Integer dhBits, @Nullable Integer ecdhBits, TrustStatus trust,
		@Nullable Boolean hostnameMatches, @Nullable List<ChainIssue> chainIssues, @Nullable String signatureAlgorithm,
		@Nullable Boolean secureRenegotiation, @Nullable Boolean insecureRenegotiation, @Nullable Boolean compression,
		@Nullable Long hstsMaxAge, @Nullable Boolean fallbackScsv, @Nullable Boolean mustStapleWithoutStaple,
		boolean hstsApplies) {

	/** Nothing observed. */
	public static final GradeInput UNKNOWN = new GradeInput(null, null, null, null, null, TrustStatus.UNKNOWN, null,
			null, null, null, null, null, null, null, null, true);

	public GradeInput {
		Objects.requireNonNull(trust, "trust");
		versions = copyOf(versions);
		suites = copyOf(suites, versions);
		positive(dhBits, "dhBits");
		positive(ecdhBits, "ecdhBits");
		if (hstsMaxAge != null && hstsMaxAge < 0) {
			throw new IllegalArgumentException("HSTS max-age must not be negative, was " + hstsMaxAge);
		}
		chainIssues = (chainIssues != null) ? List.copyOf(chainIssues) : null;
	}

	private static @Nullable Set<TlsVersion> copyOf(@Nullable Set<TlsVersion> versions) {
		if (versions == null) {
			return null;
		}
		if (versions.isEmpty()) {
			throw new IllegalArgumentException("A grade needs at least one accepted version; null means unknown");
		}
		return Collections.unmodifiableSet(EnumSet.copyOf(versions));
	}

	private static @Nullable Map<TlsVersion, List<CipherSuite>> copyOf(
			@Nullable Map<TlsVersion, List<CipherSuite>> suites, @Nullable Set<TlsVersion> versions) {
		if (suites == null) {
			return null;
		}
		if (versions == null) {
			throw new IllegalArgumentException("Suites per version need the accepted versions");
		}
		Map<TlsVersion, List<CipherSuite>> copy = new EnumMap<>(TlsVersion.class);
		suites.forEach((version, accepted) -> {
			if (!versions.contains(version) || accepted.isEmpty()) {
				throw new IllegalArgumentException(
						"Suites are listed for " + version.shortName() + ", which is not an accepted version");
			}
			copy.put(version, List.copyOf(accepted));
		});
		return Collections.unmodifiableMap(copy);
	}

	private static void positive(@Nullable Integer bits, String name) {
		if (bits != null && bits <= 0) {
			throw new IllegalArgumentException(name + " must be positive, was " + bits);
		}
	}

	public GradeInput withVersions(@Nullable Set<TlsVersion> versions) {
		return new GradeInput(versions, this.suites, this.serverKey, this.dhBits, this.ecdhBits, this.trust,
				this.hostnameMatches, this.chainIssues, this.signatureAlgorithm, this.secureRenegotiation,
				this.insecureRenegotiation, this.compression, this.hstsMaxAge, this.fallbackScsv,
				this.mustStapleWithoutStaple, this.hstsApplies);
	}

	public GradeInput withSuites(@Nullable Map<TlsVersion, List<CipherSuite>> suites) {
		return new GradeInput(this.versions, suites, this.serverKey, this.dhBits, this.ecdhBits, this.trust,
				this.hostnameMatches, this.chainIssues, this.signatureAlgorithm, this.secureRenegotiation,
				this.insecureRenegotiation, this.compression, this.hstsMaxAge, this.fallbackScsv,
				this.mustStapleWithoutStaple, this.hstsApplies);
	}

	/**
	 * The accepted versions and their suites at once: the versions are the map's keys.
	 * @param suites the accepted suites per accepted version
	 * @return a copy with both
	 */
	public GradeInput withAcceptedSuites(Map<TlsVersion, List<CipherSuite>> suites) {
		return new GradeInput(suites.keySet(), suites, this.serverKey, this.dhBits, this.ecdhBits, this.trust,
				this.hostnameMatches, this.chainIssues, this.signatureAlgorithm, this.secureRenegotiation,
				this.insecureRenegotiation, this.compression, this.hstsMaxAge, this.fallbackScsv,
				this.mustStapleWithoutStaple, this.hstsApplies);
	}

	public GradeInput withServerKey(@Nullable ServerKey serverKey) {
		return new GradeInput(this.versions, this.suites, serverKey, this.dhBits, this.ecdhBits, this.trust,
				this.hostnameMatches, this.chainIssues, this.signatureAlgorithm, this.secureRenegotiation,
				this.insecureRenegotiation, this.compression, this.hstsMaxAge, this.fallbackScsv,
				this.mustStapleWithoutStaple, this.hstsApplies);
	}

	public GradeInput withDhBits(@Nullable Integer dhBits) {
		return new GradeInput(this.versions, this.suites, this.serverKey, dhBits, this.ecdhBits, this.trust,
				this.hostnameMatches, this.chainIssues, this.signatureAlgorithm, this.secureRenegotiation,
				this.insecureRenegotiation, this.compression, this.hstsMaxAge, this.fallbackScsv,
				this.mustStapleWithoutStaple, this.hstsApplies);
	}

	public GradeInput withEcdhBits(@Nullable Integer ecdhBits) {
		return new GradeInput(this.versions, this.suites, this.serverKey, this.dhBits, ecdhBits, this.trust,
				this.hostnameMatches, this.chainIssues, this.signatureAlgorithm, this.secureRenegotiation,
				this.insecureRenegotiation, this.compression, this.hstsMaxAge, this.fallbackScsv,
				this.mustStapleWithoutStaple, this.hstsApplies);
	}

	public GradeInput withTrust(TrustStatus trust) {
		return new GradeInput(this.versions, this.suites, this.serverKey, this.dhBits, this.ecdhBits, trust,
				this.hostnameMatches, this.chainIssues, this.signatureAlgorithm, this.secureRenegotiation,
				this.insecureRenegotiation, this.compression, this.hstsMaxAge, this.fallbackScsv,
				this.mustStapleWithoutStaple, this.hstsApplies);
	}

	public GradeInput withHostnameMatches(@Nullable Boolean hostnameMatches) {
		return new GradeInput(this.versions, this.suites, this.serverKey, this.dhBits, this.ecdhBits, this.trust,
				hostnameMatches, this.chainIssues, this.signatureAlgorithm, this.secureRenegotiation,
				this.insecureRenegotiation, this.compression, this.hstsMaxAge, this.fallbackScsv,
				this.mustStapleWithoutStaple, this.hstsApplies);
	}

	public GradeInput withChainIssues(@Nullable List<ChainIssue> chainIssues) {
		return new GradeInput(this.versions, this.suites, this.serverKey, this.dhBits, this.ecdhBits, this.trust,
				this.hostnameMatches, chainIssues, this.signatureAlgorithm, this.secureRenegotiation,
				this.insecureRenegotiation, this.compression, this.hstsMaxAge, this.fallbackScsv,
				this.mustStapleWithoutStaple, this.hstsApplies);
	}

	public GradeInput withSignatureAlgorithm(@Nullable String signatureAlgorithm) {
		return new GradeInput(this.versions, this.suites, this.serverKey, this.dhBits, this.ecdhBits, this.trust,
				this.hostnameMatches, this.chainIssues, signatureAlgorithm, this.secureRenegotiation,
				this.insecureRenegotiation, this.compression, this.hstsMaxAge, this.fallbackScsv,
				this.mustStapleWithoutStaple, this.hstsApplies);
	}

	public GradeInput withSecureRenegotiation(@Nullable Boolean secureRenegotiation) {
		return new GradeInput(this.versions, this.suites, this.serverKey, this.dhBits, this.ecdhBits, this.trust,
				this.hostnameMatches, this.chainIssues, this.signatureAlgorithm, secureRenegotiation,
				this.insecureRenegotiation, this.compression, this.hstsMaxAge, this.fallbackScsv,
				this.mustStapleWithoutStaple, this.hstsApplies);
	}

	public GradeInput withInsecureRenegotiation(@Nullable Boolean insecureRenegotiation) {
		return new GradeInput(this.versions, this.suites, this.serverKey, this.dhBits, this.ecdhBits, this.trust,
				this.hostnameMatches, this.chainIssues, this.signatureAlgorithm, this.secureRenegotiation,
				insecureRenegotiation, this.compression, this.hstsMaxAge, this.fallbackScsv,
				this.mustStapleWithoutStaple, this.hstsApplies);
	}

	public GradeInput withCompression(@Nullable Boolean compression) {
		return new GradeInput(this.versions, this.suites, this.serverKey, this.dhBits, this.ecdhBits, this.trust,
				this.hostnameMatches, this.chainIssues, this.signatureAlgorithm, this.secureRenegotiation,
				this.insecureRenegotiation, compression, this.hstsMaxAge, this.fallbackScsv,
				this.mustStapleWithoutStaple, this.hstsApplies);
	}

	public GradeInput withHstsMaxAge(@Nullable Long hstsMaxAge) {
		return new GradeInput(this.versions, this.suites, this.serverKey, this.dhBits, this.ecdhBits, this.trust,
				this.hostnameMatches, this.chainIssues, this.signatureAlgorithm, this.secureRenegotiation,
				this.insecureRenegotiation, this.compression, hstsMaxAge, this.fallbackScsv,
				this.mustStapleWithoutStaple, this.hstsApplies);
	}

	public GradeInput withFallbackScsv(@Nullable Boolean fallbackScsv) {
		return new GradeInput(this.versions, this.suites, this.serverKey, this.dhBits, this.ecdhBits, this.trust,
				this.hostnameMatches, this.chainIssues, this.signatureAlgorithm, this.secureRenegotiation,
				this.insecureRenegotiation, this.compression, this.hstsMaxAge, fallbackScsv,
				this.mustStapleWithoutStaple, this.hstsApplies);
	}

	public GradeInput withMustStapleWithoutStaple(@Nullable Boolean mustStapleWithoutStaple) {
		return new GradeInput(this.versions, this.suites, this.serverKey, this.dhBits, this.ecdhBits, this.trust,
				this.hostnameMatches, this.chainIssues, this.signatureAlgorithm, this.secureRenegotiation,
				this.insecureRenegotiation, this.compression, this.hstsMaxAge, this.fallbackScsv,
				mustStapleWithoutStaple, this.hstsApplies);
	}

	/**
	 * Whether HSTS applies: {@code false} for a server that does not speak HTTP, which
	 * HSTS neither helps nor limits.
	 * @param hstsApplies whether the server is an HTTPS server
	 * @return a copy
	 */
	public GradeInput withHstsApplies(boolean hstsApplies) {
		return new GradeInput(this.versions, this.suites, this.serverKey, this.dhBits, this.ecdhBits, this.trust,
				this.hostnameMatches, this.chainIssues, this.signatureAlgorithm, this.secureRenegotiation,
				this.insecureRenegotiation, this.compression, this.hstsMaxAge, this.fallbackScsv,
				this.mustStapleWithoutStaple, hstsApplies);
	}

	/**
	 * The public key of a server certificate.
	 *
	 * @param algorithm the key algorithm as {@link CertificateInfo#keyAlgorithm()} names
	 * it: {@code RSA}, {@code RSASSA-PSS}, {@code DSA}, {@code EC}, {@code Ed25519},
	 * {@code Ed448}
	 * @param bits the key size: RSA modulus, DSA prime or EC field size
	 */
	public record ServerKey(String algorithm, int bits) {

		public ServerKey {
			Objects.requireNonNull(algorithm, "algorithm");
			if (bits <= 0) {
				throw new IllegalArgumentException("Key size must be positive, was " + bits);
			}
		}

	}

}
