package dev.tlswatch.alert;

import dev.tlswatch.finding.Severity;

/**
 * What an alert is about, with its default severity.
 */
public enum AlertRule {

	/** A certificate of the chain crossed an expiry threshold. */
	CERT_EXPIRING(Severity.WARNING, "Certificate expiring"),

	/** The leaf is past its expected renewal point and was not replaced. */
	RENEWAL_OVERDUE(Severity.WARNING, "Renewal overdue"),

	/** A certificate of the chain has expired. */
	CERT_EXPIRED(Severity.CRITICAL, "Certificate expired"),

	/** A certificate of the chain is not valid yet. */
	CERT_NOT_YET_VALID(Severity.CRITICAL, "Certificate not yet valid"),

	/** The chain does not lead to a trusted anchor. */
	CHAIN_UNTRUSTED(Severity.CRITICAL, "Chain untrusted"),

	/** The server does not send every intermediate. */
	CHAIN_INCOMPLETE(Severity.WARNING, "Chain incomplete"),

	/** The leaf does not match the expected name. */
	HOSTNAME_MISMATCH(Severity.CRITICAL, "Hostname mismatch"),

	/** SSL 3.0, TLS 1.0 or TLS 1.1 is accepted. */
	WEAK_PROTOCOL(Severity.WARNING, "Weak protocol"),

	/** An insecure cipher suite is chosen or accepted. */
	INSECURE_CIPHER(Severity.CRITICAL, "Insecure cipher"),

	/** A key of the chain is too small. */
	WEAK_KEY(Severity.WARNING, "Weak key"),

	/** A certificate of the chain is signed with SHA-1, MD5 or MD2. */
	WEAK_SIGNATURE(Severity.WARNING, "Weak signature"),

	/** The grade is below the minimum or lower than before. */
	GRADE_DROPPED(Severity.WARNING, "Grade dropped"),

	/** A new leaf certificate is served. */
	CERT_CHANGED(Severity.INFO, "Certificate changed"),

	/** The addresses of the name serve different certificates. */
	ADDRESSES_DISAGREE(Severity.WARNING, "Addresses disagree"),

	/** Several consecutive scans reached no address. */
	UNREACHABLE(Severity.CRITICAL, "Unreachable"),

	/**
	 * A well-known TLS vulnerability (Heartbleed, ROBOT...) found, one alert per
	 * vulnerability; its severity is the finding's.
	 */
	VULNERABLE(Severity.CRITICAL, "Vulnerable"),

	/**
	 * A certificate of the chain, leaf or intermediate, is revoked; one alert per
	 * certificate.
	 */
	CERT_REVOKED(Severity.CRITICAL, "Certificate revoked"),

	/** Many endpoints failed at once: TLSWatch's own network is the likely cause. */
	PROBER_NETWORK(Severity.CRITICAL, "Prober network");

	private final Severity defaultSeverity;

	private final String label;

	AlertRule(Severity defaultSeverity, String label) {
		this.defaultSeverity = defaultSeverity;
		this.label = label;
	}

	/**
	 * The severity unless {@code tlswatch.alert.severities} says otherwise.
	 * @return the default severity
	 */
	public Severity defaultSeverity() {
		return this.defaultSeverity;
	}

	/**
	 * The rule in a few words, for pages.
	 * @return the label
	 */
	public String label() {
		return this.label;
	}

}
