package dev.tlswatch.endpoint;

/**
 * How TLS starts on an endpoint's port. The STARTTLS dialects (SMTP, IMAP, POP3, FTP,
 * LDAP, XMPP, PostgreSQL) and {@code AUTO} join this enum with the probe engine that
 * speaks them.
 */
public enum TlsMode {

	/**
	 * The client sends a ClientHello right after the TCP connect (HTTPS, SMTPS,
	 * IMAPS...).
	 */
	IMPLICIT

}
