package dev.tlswatch.finding;

import dev.tlswatch.probe.Vulnerability;

/**
 * What a finding is about: its default severity, whether it concerns one address or the
 * whole endpoint, and what it means. The name is what the database, the API and exports
 * carry; code compares kinds, never their names.
 */
public enum FindingKind {

	/** The endpoint's name did not resolve. */
	DNS_FAILURE(Severity.CRITICAL, true, "The name does not resolve."),

	/** An address refused the connection or did not answer in time. */
	UNREACHABLE(Severity.CRITICAL, true, "An address cannot be reached."),

	/** TCP connected but the TLS handshake failed. */
	TLS_HANDSHAKE_FAILED(Severity.CRITICAL, true, "The TLS handshake failed."),

	/**
	 * The server ended the handshake because it requires a client certificate the
	 * endpoint does not have (or does not accept the one it has); its chain is still
	 * read.
	 */
	CLIENT_CERTIFICATE_REQUIRED(Severity.WARNING, true, "The server requires a client certificate."),

	/** TCP connected but the server did not start TLS. */
	STARTTLS_FAILED(Severity.CRITICAL, true, "STARTTLS failed."),

	/** Scanning the address failed for another reason. */
	SCAN_ERROR(Severity.WARNING, true, "Scanning failed."),

	/** The scan target policy denied the address; it was not contacted. */
	TARGET_DENIED(Severity.CRITICAL, true, "The scan target policy denies the address."),

	/** The suite the server chose for a modern client is insecure. */
	INSECURE_CIPHER(Severity.CRITICAL, true, "The server chose an insecure cipher suite."),

	/** The server accepts insecure suites (seen in the full enumeration). */
	INSECURE_CIPHERS_ACCEPTED(Severity.CRITICAL, true, "The server accepts insecure cipher suites."),

	/** The suite the server chose for a modern client is weak. */
	WEAK_CIPHER(Severity.WARNING, true, "The server chose a weak cipher suite."),

	/** The chain leads to a trusted anchor. */
	CHAIN_TRUSTED(Severity.INFO, true, "The certificate chain is trusted."),

	/** The chain does not lead to a trusted anchor. */
	CHAIN_UNTRUSTED(Severity.CRITICAL, true, "The certificate chain is not trusted."),

	/** A certificate of the chain has expired. */
	CERT_EXPIRED(Severity.CRITICAL, true, "A certificate of the chain has expired."),

	/** A certificate of the chain is not valid yet. */
	CERT_NOT_YET_VALID(Severity.CRITICAL, true, "A certificate of the chain is not valid yet."),

	/** A certificate of the chain crossed an expiry threshold. */
	CERT_EXPIRING(Severity.WARNING, true,
			"A certificate of the chain crossed an expiry threshold (critical within the critical span)."),

	/** The leaf does not match the expected name. */
	HOSTNAME_MISMATCH(Severity.CRITICAL, true, "The certificate does not match the expected name."),

	/** The server does not send every intermediate. */
	CHAIN_INCOMPLETE(Severity.WARNING, true, "The certificate chain is incomplete."),

	/** The chain is sent in the wrong order. */
	CHAIN_WRONG_ORDER(Severity.WARNING, true, "The certificate chain is sent in the wrong order."),

	/** A key of the chain is too small. */
	WEAK_KEY(Severity.WARNING, true, "A key of the chain is too small."),

	/** A certificate of the chain is signed with SHA-1, MD5 or MD2. */
	WEAK_SIGNATURE(Severity.WARNING, true, "A certificate of the chain has a weak signature."),

	/** The leaf is not meant for TLS servers (extended key usage). */
	NOT_FOR_SERVERS(Severity.CRITICAL, true, "The certificate is not meant for TLS servers."),

	/** The leaf is self-signed. */
	SELF_SIGNED(Severity.WARNING, true, "The certificate is self-signed."),

	/** The leaf demands OCSP stapling and the server sent no staple. */
	MUST_STAPLE_WITHOUT_STAPLE(Severity.CRITICAL, true, "The certificate demands OCSP stapling, none was sent."),

	/**
	 * A certificate of the chain (leaf or intermediate) is revoked, according to a valid
	 * stapled OCSP response, OCSP responder or CRL.
	 */
	CERT_REVOKED(Severity.CRITICAL, true, "A certificate of the chain is revoked."),

	/** The revocation status of the chain could not be learned; the message says why. */
	REVOCATION_UNKNOWN(Severity.INFO, true, "The revocation status could not be learned."),

	/** The HSTS header is invalid, so browsers ignore it. */
	HSTS_MALFORMED(Severity.WARNING, true, "The Strict-Transport-Security header is invalid."),

	/** The HTTPS server sends no HSTS policy, or switches it off. */
	HSTS_ABSENT(Severity.INFO, true, "The HTTPS server sends no HSTS policy."),

	/** Deprecated protocol versions are accepted (critical for SSL 2.0 and 3.0). */
	WEAK_PROTOCOL(Severity.WARNING, true, "Deprecated protocol versions are accepted."),

	/** The protocol versions accepted, for information. */
	PROTOCOLS(Severity.INFO, true, "The protocol versions accepted."),

	/** The addresses of the name serve different certificates. */
	ADDRESSES_DISAGREE(Severity.WARNING, false, "The addresses of the name serve different certificates."),

	/** Heartbleed (CVE-2014-0160): the heartbeat answers with memory; fails the grade. */
	VULNERABILITY_HEARTBLEED(Severity.CRITICAL, true, "Vulnerable to Heartbleed (CVE-2014-0160)."),

	/** CCS injection (CVE-2014-0224): an early ChangeCipherSpec is accepted; F. */
	VULNERABILITY_CCS_INJECTION(Severity.CRITICAL, true, "Vulnerable to CCS injection (CVE-2014-0224)."),

	/** Ticketbleed (CVE-2016-9244): the session id echoes memory; F. */
	VULNERABILITY_TICKETBLEED(Severity.CRITICAL, true, "Vulnerable to Ticketbleed (CVE-2016-9244)."),

	/** ROBOT: a Bleichenbacher oracle (weak or strong) in RSA key exchange; F. */
	VULNERABILITY_ROBOT(Severity.CRITICAL, true, "Vulnerable to ROBOT (a Bleichenbacher oracle)."),

	/** POODLE: SSL 3.0 with a CBC suite; caps the grade at C. */
	VULNERABILITY_POODLE(Severity.WARNING, true, "Vulnerable to POODLE (SSL 3.0 with CBC, CVE-2014-3566)."),

	/** Insecure client-initiated renegotiation (CVE-2009-3555); F. */
	VULNERABILITY_CLIENT_RENEGOTIATION(Severity.CRITICAL, true,
			"Accepts insecure client-initiated renegotiation (CVE-2009-3555)."),

	/** SWEET32: 64-bit block ciphers; with TLS 1.1 or newer the grade is capped at C. */
	VULNERABILITY_SWEET32(Severity.WARNING, true, "Vulnerable to SWEET32 (64-bit block ciphers, CVE-2016-2183)."),

	/** FREAK: export RSA key exchange; F. */
	VULNERABILITY_FREAK(Severity.CRITICAL, true, "Vulnerable to FREAK (export RSA, CVE-2015-0204)."),

	/** Logjam: export DHE or DH parameters under 1024 bits; F. */
	VULNERABILITY_LOGJAM(Severity.CRITICAL, true, "Vulnerable to Logjam (weak DH, CVE-2015-4000)."),

	/** DROWN: SSL 2.0 on the same key; F. */
	VULNERABILITY_DROWN(Severity.CRITICAL, true, "Vulnerable to DROWN (SSL 2.0, CVE-2016-0800)."),

	/** BEAST: TLS 1.0 or SSL 3.0 with CBC; informational (TLS 1.0 is judged itself). */
	VULNERABILITY_BEAST(Severity.INFO, true, "BEAST applies (TLS 1.0 with CBC, CVE-2011-3389)."),

	/** Lucky Thirteen: CBC with MAC-then-encrypt; informational. */
	VULNERABILITY_LUCKY13(Severity.INFO, true, "Lucky Thirteen applies (CBC suites, CVE-2013-0169)."),

	/**
	 * The server cut the full probe short (a rate limit): what was cut is unknown, not
	 * refused; later full probes are paced. Informational.
	 */
	PROBE_RATE_LIMITED(Severity.INFO, true, "The server rate-limited the full probe; some results are unknown.");

	private final Severity defaultSeverity;

	private final boolean perAddress;

	private final String meaning;

	FindingKind(Severity defaultSeverity, boolean perAddress, String meaning) {
		this.defaultSeverity = defaultSeverity;
		this.perAddress = perAddress;
		this.meaning = meaning;
	}

	/**
	 * The kind of the finding that an address has a vulnerability.
	 * @param vulnerability the vulnerability
	 * @return its kind
	 */
	public static FindingKind of(Vulnerability vulnerability) {
		return switch (vulnerability) {
			case HEARTBLEED -> VULNERABILITY_HEARTBLEED;
			case CCS_INJECTION -> VULNERABILITY_CCS_INJECTION;
			case TICKETBLEED -> VULNERABILITY_TICKETBLEED;
			case ROBOT -> VULNERABILITY_ROBOT;
			case POODLE -> VULNERABILITY_POODLE;
			case CLIENT_RENEGOTIATION -> VULNERABILITY_CLIENT_RENEGOTIATION;
			case SWEET32 -> VULNERABILITY_SWEET32;
			case FREAK -> VULNERABILITY_FREAK;
			case LOGJAM -> VULNERABILITY_LOGJAM;
			case DROWN -> VULNERABILITY_DROWN;
			case BEAST -> VULNERABILITY_BEAST;
			case LUCKY13 -> VULNERABILITY_LUCKY13;
		};
	}

	/**
	 * The severity a finding of this kind has unless the rule says otherwise (for example
	 * SSL 3.0 makes {@link #WEAK_PROTOCOL} critical).
	 * @return the default severity
	 */
	public Severity defaultSeverity() {
		return this.defaultSeverity;
	}

	/**
	 * Whether a finding of this kind concerns one address ({@code false}: the endpoint).
	 * @return whether it is per address
	 */
	public boolean perAddress() {
		return this.perAddress;
	}

	/**
	 * What the kind means, in one sentence.
	 * @return the meaning
	 */
	public String meaning() {
		return this.meaning;
	}

}
