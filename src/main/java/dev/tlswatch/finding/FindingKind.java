package dev.tlswatch.finding;

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

	/** The HSTS header is invalid, so browsers ignore it. */
	HSTS_MALFORMED(Severity.WARNING, true, "The Strict-Transport-Security header is invalid."),

	/** The HTTPS server sends no HSTS policy, or switches it off. */
	HSTS_ABSENT(Severity.INFO, true, "The HTTPS server sends no HSTS policy."),

	/** Deprecated protocol versions are accepted (critical for SSL 2.0 and 3.0). */
	WEAK_PROTOCOL(Severity.WARNING, true, "Deprecated protocol versions are accepted."),

	/** The protocol versions accepted, for information. */
	PROTOCOLS(Severity.INFO, true, "The protocol versions accepted."),

	/** The addresses of the name serve different certificates. */
	ADDRESSES_DISAGREE(Severity.WARNING, false, "The addresses of the name serve different certificates.");

	private final Severity defaultSeverity;

	private final boolean perAddress;

	private final String meaning;

	FindingKind(Severity defaultSeverity, boolean perAddress, String meaning) {
		this.defaultSeverity = defaultSeverity;
		this.perAddress = perAddress;
		this.meaning = meaning;
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
