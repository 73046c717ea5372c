package dev.tlswatch.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.tlswatch.probe.CertificateInfo;
import dev.tlswatch.probe.ChachaPreference;
import dev.tlswatch.probe.CipherSuite;
import dev.tlswatch.probe.Grade;
import dev.tlswatch.probe.HandshakeObservation;
import dev.tlswatch.probe.Hsts;
import dev.tlswatch.probe.KeyExchangeGroup;
import dev.tlswatch.probe.Observed;
import dev.tlswatch.probe.ProbeReport;
import dev.tlswatch.probe.ServerOrder;
import dev.tlswatch.probe.Ssl2Support;
import dev.tlswatch.probe.SuiteEnumeration;
import dev.tlswatch.probe.TlsVersion;
import dev.tlswatch.probe.VersionSupport;
import org.jspecify.annotations.Nullable;

/**
 * One target's probe reports as the JSON document the README documents, one entry per
 * resolved address.
 */
final class ReportDocument {

	private ReportDocument() {
	}

	static Map<String, @Nullable Object> of(String target, @Nullable String error, List<ProbeReport> reports) {
		Map<String, @Nullable Object> document = new LinkedHashMap<>();
		document.put("target", target);
		document.put("error", error);
		document.put("addresses", reports.stream().map(ReportDocument::address).toList());
		return document;
	}

	private static Map<String, @Nullable Object> address(ProbeReport report) {
		HandshakeObservation handshake = report.handshake();
		Map<String, @Nullable Object> address = new LinkedHashMap<>();
		address.put("address", report.target().address().getHostAddress());
		address.put("outcome", handshake.outcome().name());
		address.put("error", handshake.error());
		address.put("protocol", handshake.protocol());
		address.put("cipherSuite", handshake.cipherSuite());
		address.put("protocols", protocols(report));
		address.put("cipherSuites", cipherSuites(report));
		address.put("serverOrder", serverOrder(report));
		address.put("chachaPreference", chachaPreference(report));
		Ssl2Support ssl2 = report.ssl2();
		address.put("sslv2CipherKinds", (ssl2 != null && ssl2.accepted()) ? ssl2.cipherKinds() : null);
		address.put("groups", groups(report));
		address.put("chain", handshake.chain().stream().map(ReportDocument::certificate).toList());
		address.put("chainIssues", handshake.chainReport()
			.issues()
			.stream()
			.map((issue) -> Map.of("type", issue.type().name(), "position", issue.position(), "detail", issue.detail()))
			.toList());
		address.put("ocspStapled", handshake.ocspStapled().value());
		address.put("hsts", hsts(report.hsts()));
		address.put("vulnerabilities", vulnerabilities(report));
		address.put("trust", handshake.trust().name());
		address.put("trustError", handshake.trustError());
		address.put("hostnameMatches", handshake.hostnameMatches());
		Grade grade = report.grade();
		address.put("grade", (grade != null) ? grade.letter().displayName() : null);
		address.put("gradeReasons", (grade != null) ? grade.reasons()
			.stream()
			.map((reason) -> Map.of("code", reason.code(), "text", reason.text(), "cap", reason.cap().displayName()))
			.toList() : List.of());
		address.put("connections", report.connections());
		address.put("elapsedMillis", report.elapsed().toMillis());
		return address;
	}

	/**
	 * One entry per vulnerability: {@code id}, {@code status} and {@code detail}; empty
	 * when the address did not answer.
	 */
	private static List<Map<String, @Nullable Object>> vulnerabilities(ProbeReport report) {
		return report.vulnerabilities().stream().map((result) -> {
			Map<String, @Nullable Object> entry = new LinkedHashMap<>();
			entry.put("id", result.vulnerability().name());
			entry.put("status", result.status().name());
			entry.put("detail", result.detail());
			return entry;
		}).toList();
	}

	/** Version name → suite names, in the server's order when it has one. */
	private static Map<String, @Nullable Object> cipherSuites(ProbeReport report) {
		Map<String, @Nullable Object> suites = new LinkedHashMap<>();
		for (TlsVersion version : TlsVersion.probed()) {
			SuiteEnumeration enumeration = report.suites().get(version);
			suites.put(version.shortName(),
					(enumeration != null) ? enumeration.accepted().stream().map(CipherSuite::name).toList() : null);
		}
		return suites;
	}

	/** Version name → {@code SERVER}, {@code CLIENT} or {@code null} (unknown). */
	private static Map<String, @Nullable Object> serverOrder(ProbeReport report) {
		Map<String, @Nullable Object> order = new LinkedHashMap<>();
		for (TlsVersion version : TlsVersion.probed()) {
			SuiteEnumeration enumeration = report.suites().get(version);
			order.put(version.shortName(), (enumeration == null || enumeration.order() == ServerOrder.UNKNOWN) ? null
					: enumeration.order().name());
		}
		return order;
	}

	/**
	 * {@code TLSv1.2} and {@code TLSv1.3} → {@code true} (the server chose ChaCha20 when
	 * the client put it first), {@code false} (it kept to AES-GCM) or {@code null} (not
	 * applicable or not known).
	 */
	private static Map<String, @Nullable Boolean> chachaPreference(ProbeReport report) {
		Map<String, @Nullable Boolean> preference = new LinkedHashMap<>();
		for (TlsVersion version : List.of(TlsVersion.TLS_1_2, TlsVersion.TLS_1_3)) {
			ChachaPreference observed = report.chachaPreference().get(version);
			preference.put(version.shortName(), (observed != null) ? observed.prefersChacha().value() : null);
		}
		return preference;
	}

	/**
	 * The group names accepted in any version, TLS 1.3's first; {@code null} when none
	 * was enumerated.
	 */
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

	/**
	 * The HSTS policy: {@code state} (a verdict, or why there is none), {@code maxAge},
	 * {@code includeSubDomains}, {@code preload}, {@code header} and {@code detail}.
	 */
	private static Map<String, @Nullable Object> hsts(Observed<Hsts> observed) {
		Hsts hsts = observed.value();
		Map<String, @Nullable Object> policy = new LinkedHashMap<>();
		policy.put("state", (hsts != null) ? hsts.verdict().name() : observed.status().name());
		policy.put("maxAge", (hsts != null) ? hsts.maxAge() : null);
		policy.put("includeSubDomains", (hsts != null) && hsts.includeSubDomains());
		policy.put("preload", (hsts != null) && hsts.preload());
		policy.put("header", (hsts != null) ? hsts.header() : null);
		policy.put("detail", observed.detail());
		return policy;
	}

	/** Version name → true (accepted), false (refused) or null (could not test). */
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

	private static Map<String, @Nullable Object> certificate(CertificateInfo certificate) {
		Map<String, @Nullable Object> facts = new LinkedHashMap<>();
		facts.put("subject", certificate.subject());
		facts.put("issuer", certificate.issuer());
		facts.put("notBefore", certificate.notBefore().toString());
		facts.put("notAfter", certificate.notAfter().toString());
		facts.put("sha256", certificate.sha256());
		facts.put("subjectAltNames", certificate.subjectAltNames());
		facts.put("keyAlgorithm", certificate.keyAlgorithm());
		facts.put("keySize", certificate.keySize());
		facts.put("signatureAlgorithm", certificate.signatureAlgorithm());
		return facts;
	}

}
