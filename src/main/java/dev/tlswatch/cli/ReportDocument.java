package dev.tlswatch.cli;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.tlswatch.probe.CertificateInfo;
import dev.tlswatch.probe.ChachaPreference;
import dev.tlswatch.probe.ChainIssue;
import dev.tlswatch.probe.CipherSuite;
import dev.tlswatch.probe.Grade;
import dev.tlswatch.probe.GradeReason;
import dev.tlswatch.probe.HandshakeObservation;
import dev.tlswatch.probe.Hsts;
import dev.tlswatch.probe.KeyExchangeGroup;
import dev.tlswatch.probe.Observed;
import dev.tlswatch.probe.ProbeReport;
import dev.tlswatch.probe.Revocation;
import dev.tlswatch.probe.ServerOrder;
import dev.tlswatch.probe.Ssl2Support;
import dev.tlswatch.probe.VulnerabilityResult;
import dev.tlswatch.probe.SuiteEnumeration;
import dev.tlswatch.probe.TlsVersion;
import dev.tlswatch.probe.VersionSupport;
import org.jspecify.annotations.Nullable;

import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * One target's probe reports as the JSON document {@code docs/scanning.md} documents, one
 * entry per resolved address. Jackson writes the records in the order of their
 * components; a new field is one component and one line in {@link Address#of}.
 *
 * @param target the target as given ({@code HOST:PORT})
 * @param error why the target could not be probed at all (its name does not resolve),
 * otherwise {@code null}
 * @param addresses one entry per resolved address
 */
record ReportDocument(String target, @Nullable String error, List<Address> addresses) {

	private static final JsonMapper mapper = JsonMapper.builder()
		.disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
		.build();

	static ReportDocument of(String target, @Nullable String error, List<ProbeReport> reports) {
		return new ReportDocument(target, error, reports.stream().map(Address::of).toList());
	}

	/**
	 * This document as one line of JSON; every string is escaped, whatever a scanned
	 * server put into it.
	 * @return the JSON text
	 */
	String toJson() {
		return mapper.writeValueAsString(this);
	}

	/**
	 * What one address showed.
	 *
	 * @param address the IP address
	 * @param outcome how the handshake ended ({@code OK}, {@code CONNECTION_REFUSED}...)
	 * @param error the handshake error, {@code null} when it completed
	 * @param protocol the negotiated protocol
	 * @param cipherSuite the negotiated cipher suite
	 * @param protocols version name → accepted, refused or {@code null} (could not test)
	 * @param cipherSuites version name → accepted suite names, in the server's order when
	 * it has one
	 * @param serverOrder version name → {@code SERVER}, {@code CLIENT} or {@code null}
	 * @param chachaPreference TLS 1.2 and 1.3 → whether the server chose ChaCha20 when
	 * the client put it first, {@code null} when not known
	 * @param sslv2CipherKinds the SSL 2.0 cipher kinds, {@code null} unless SSL 2.0 is
	 * accepted
	 * @param groups the accepted group names, TLS 1.3's first; {@code null} when none was
	 * enumerated
	 * @param chain the certificates as sent, leaf first
	 * @param chainIssues what is wrong with the chain
	 * @param ocspStapled whether an OCSP response was stapled, {@code null} when not
	 * known
	 * @param clientCertificateRequested whether the server asked for a client
	 * certificate, {@code null} when not known
	 * @param clientCertificateAuthorities the certificate authorities its request named
	 * @param hsts the HSTS policy
	 * @param vulnerabilities one entry per well-known vulnerability (id, status, detail);
	 * empty when the address did not answer
	 * @param trust whether the chain is trusted
	 * @param trustError why it is not
	 * @param hostnameMatches whether the leaf matches the name, {@code null} without one
	 * @param grade the grade letter, {@code null} when the address did not answer
	 * @param gradeReasons what capped or lowered the grade
	 * @param connections how many connections the probe opened
	 * @param elapsedMillis how long the probe took
	 * @param revocation the revocation status of the chain: the first revoked
	 * certificate, else the first unknown, else the leaf's
	 */
	record Address(String address, String outcome, @Nullable String error, @Nullable String protocol,
			@Nullable String cipherSuite, Map<String, @Nullable Boolean> protocols,
			Map<String, @Nullable List<String>> cipherSuites, Map<String, @Nullable String> serverOrder,
			Map<String, @Nullable Boolean> chachaPreference, @Nullable List<String> sslv2CipherKinds,
			@Nullable List<String> groups, List<Certificate> chain, List<Issue> chainIssues,
			@Nullable Boolean ocspStapled, @Nullable Boolean clientCertificateRequested,
			List<String> clientCertificateAuthorities, HstsPolicy hsts, List<VulnerabilityEntry> vulnerabilities,
			String trust, @Nullable String trustError, @Nullable Boolean hostnameMatches, @Nullable String grade,
			List<Reason> gradeReasons, int connections, long elapsedMillis, RevocationStatus revocation) {

		static Address of(ProbeReport report) {
			HandshakeObservation handshake = report.handshake();
			Ssl2Support ssl2 = report.ssl2();
			Grade grade = report.grade();
			return new Address(report.target().address().getHostAddress(), handshake.outcome().name(),
					handshake.error(), handshake.protocol(), handshake.cipherSuite(), protocols(report),
					cipherSuites(report), serverOrder(report), chachaPreference(report),
					(ssl2 != null && ssl2.accepted()) ? ssl2.cipherKinds() : null, groups(report), certificates(report),
					handshake.chainReport().issues().stream().map(Issue::of).toList(), handshake.ocspStapled().value(),
					handshake.clientCertificateRequested(), handshake.clientCertificateAuthorities(),
					HstsPolicy.of(report.hsts()),
					report.vulnerabilities().stream().map(VulnerabilityEntry::of).toList(), handshake.trust().name(),
					handshake.trustError(), handshake.hostnameMatches(),
					(grade != null) ? grade.letter().displayName() : null,
					(grade != null) ? grade.reasons().stream().map(Reason::of).toList() : List.of(),
					report.connections(), report.elapsed().toMillis(),
					RevocationStatus.of(report.revocation().summary()));
		}

		private static List<Certificate> certificates(ProbeReport report) {
			List<CertificateInfo> chain = report.handshake().chain();
			List<Certificate> certificates = new ArrayList<>();
			for (int i = 0; i < chain.size(); i++) {
				certificates.add(Certificate.of(chain.get(i), report.revocation().forCertificate(i)));
			}
			return certificates;
		}

		private static Map<String, @Nullable Boolean> protocols(ProbeReport report) {
			Map<String, @Nullable Boolean> protocols = new LinkedHashMap<>();
			protocols.put(TlsVersion.SSL_2_0.shortName(), null);
			for (TlsVersion version : TlsVersion.probed()) {
				protocols.put(version.shortName(), null);
			}
			List<VersionSupport> versions = new ArrayList<>(report.versions());
			Ssl2Support ssl2 = report.ssl2();
			if (ssl2 != null) {
				versions.add(ssl2.asVersionSupport());
			}
			for (VersionSupport support : versions) {
				protocols.put(support.version().shortName(), switch (support.verdict()) {
					case ACCEPTED -> Boolean.TRUE;
					case REJECTED -> Boolean.FALSE;
					case TIMEOUT, ERROR -> null;
				});
			}
			return protocols;
		}

		private static Map<String, @Nullable List<String>> cipherSuites(ProbeReport report) {
			Map<String, @Nullable List<String>> suites = new LinkedHashMap<>();
			for (TlsVersion version : TlsVersion.probed()) {
				SuiteEnumeration enumeration = report.suites().get(version);
				suites.put(version.shortName(),
						(enumeration != null) ? enumeration.accepted().stream().map(CipherSuite::name).toList() : null);
			}
			return suites;
		}

		private static Map<String, @Nullable String> serverOrder(ProbeReport report) {
			Map<String, @Nullable String> order = new LinkedHashMap<>();
			for (TlsVersion version : TlsVersion.probed()) {
				SuiteEnumeration enumeration = report.suites().get(version);
				order.put(version.shortName(), (enumeration == null || enumeration.order() == ServerOrder.UNKNOWN)
						? null : enumeration.order().name());
			}
			return order;
		}

		private static Map<String, @Nullable Boolean> chachaPreference(ProbeReport report) {
			Map<String, @Nullable Boolean> preference = new LinkedHashMap<>();
			for (TlsVersion version : List.of(TlsVersion.TLS_1_2, TlsVersion.TLS_1_3)) {
				ChachaPreference observed = report.chachaPreference().get(version);
				preference.put(version.shortName(), (observed != null) ? observed.prefersChacha().value() : null);
			}
			return preference;
		}

		private static @Nullable List<String> groups(ProbeReport report) {
			if (report.groups().isEmpty()) {
				return null;
			}
			return report.groups()
				.stream()
				.flatMap((enumeration) -> enumeration.accepted().stream())
				.map(KeyExchangeGroup::name)
				.distinct()
				.toList();
		}

	}

	/**
	 * A certificate as sent.
	 *
	 * @param subject the subject (RFC 2253)
	 * @param issuer the issuer (RFC 2253)
	 * @param notBefore start of validity (ISO-8601)
	 * @param notAfter end of validity (ISO-8601)
	 * @param sha256 the SHA-256 fingerprint, lower-case hex
	 * @param subjectAltNames {@code DNS:...} and {@code IP:...} names
	 * @param keyAlgorithm the key algorithm
	 * @param keySize the key size in bits, {@code null} where unknown
	 * @param signatureAlgorithm the signature algorithm
	 * @param revocation this certificate's revocation status
	 */
	record Certificate(String subject, String issuer, String notBefore, String notAfter, String sha256,
			List<String> subjectAltNames, String keyAlgorithm, @Nullable Integer keySize, String signatureAlgorithm,
			RevocationStatus revocation) {

		static Certificate of(CertificateInfo certificate, Revocation revocation) {
			return new Certificate(certificate.subject(), certificate.issuer(), certificate.notBefore().toString(),
					certificate.notAfter().toString(), certificate.sha256(), certificate.subjectAltNames(),
					certificate.keyAlgorithm(), certificate.keySize(), certificate.signatureAlgorithm(),
					RevocationStatus.of(revocation));
		}

	}

	/**
	 * A revocation status.
	 *
	 * @param status {@code GOOD}, {@code REVOKED}, {@code UNKNOWN} or {@code NOT_CHECKED}
	 * @param source {@code STAPLE}, {@code OCSP} or {@code CRL} for a good or revoked
	 * answer, otherwise {@code null}
	 * @param reason the CRL reason of a revoked certificate ({@code keyCompromise}...),
	 * {@code null} when none was given
	 * @param revokedAt when it was revoked (ISO-8601), otherwise {@code null}
	 * @param detail what was seen, or why the status is unknown
	 */
	record RevocationStatus(String status, @Nullable String source, @Nullable String reason, @Nullable String revokedAt,
			String detail) {

		static RevocationStatus of(Revocation revocation) {
			Revocation.Source source = revocation.source();
			Instant revokedAt = revocation.revokedAt();
			return new RevocationStatus(revocation.status().name(), (source != null) ? source.name() : null,
					revocation.reason(), (revokedAt != null) ? revokedAt.toString() : null, revocation.detail());
		}

	}

	/**
	 * A chain issue.
	 *
	 * @param type the issue type
	 * @param position the position in the chain as sent
	 * @param detail what is wrong
	 */
	record Issue(String type, int position, String detail) {

		static Issue of(ChainIssue issue) {
			return new Issue(issue.type().name(), issue.position(), issue.detail());
		}

	}

	/**
	 * The HSTS policy.
	 *
	 * @param state a verdict, or why there is none
	 * @param maxAge the max-age in seconds
	 * @param includeSubDomains whether it covers subdomains
	 * @param preload whether it asks for preloading
	 * @param header the header as received
	 * @param detail what the probe saw
	 */
	record HstsPolicy(String state, @Nullable Long maxAge, boolean includeSubDomains, boolean preload,
			@Nullable String header, @Nullable String detail) {

		static HstsPolicy of(Observed<Hsts> observed) {
			Hsts hsts = observed.value();
			if (hsts == null) {
				return new HstsPolicy(observed.status().name(), null, false, false, null, observed.detail());
			}
			return new HstsPolicy(hsts.verdict().name(), hsts.maxAge(), hsts.includeSubDomains(), hsts.preload(),
					hsts.header(), observed.detail());
		}

	}

	/**
	 * Why the grade is what it is.
	 *
	 * @param code the reason's code
	 * @param text what it means
	 * @param cap the grade it caps at
	 */
	record Reason(String code, String text, String cap) {

		static Reason of(GradeReason reason) {
			return new Reason(reason.code(), reason.text(), reason.cap().displayName());
		}

	}

	/**
	 * One vulnerability verdict.
	 *
	 * @param id the vulnerability ({@code HEARTBLEED}...)
	 * @param status {@code VULNERABLE}, {@code NOT_VULNERABLE} or {@code NOT_TESTED}
	 * @param detail why, in a few words
	 */
	record VulnerabilityEntry(String id, String status, String detail) {

		static VulnerabilityEntry of(VulnerabilityResult result) {
			return new VulnerabilityEntry(result.vulnerability().name(), result.status().name(), result.detail());
		}

	}

}
