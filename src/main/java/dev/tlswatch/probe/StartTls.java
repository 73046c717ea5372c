package dev.tlswatch.probe;

/**
 * How a connection gets to the point where the client sends its ClientHello: right after
 * the TCP connect, or after a plaintext protocol's upgrade dialogue (STARTTLS).
 */
public enum StartTls {

	/** TLS starts right after the TCP connect (HTTPS, SMTPS, IMAPS...). */
	NONE,

	/** SMTP {@code STARTTLS} after {@code EHLO} (RFC 3207). */
	SMTP,

	/** IMAP {@code STARTTLS} (RFC 3501 §6.2.1, RFC 9051 §6.2.1). */
	IMAP,

	/** POP3 {@code STLS} (RFC 2595 §4). */
	POP3,

	/** FTP {@code AUTH TLS} (RFC 4217 §4). */
	FTP,

	/** The LDAP StartTLS extended operation (RFC 4511 §4.14, RFC 4513 §3). */
	LDAP,

	/** XMPP client-to-server {@code <starttls/>} (RFC 6120 §5). */
	XMPP,

	/** The PostgreSQL {@code SSLRequest} message. */
	POSTGRES,

	/** The MySQL (and MariaDB) {@code SSLRequest} packet after the server's handshake. */
	MYSQL,

	/** NNTP {@code STARTTLS} (RFC 4642). */
	NNTP,

	/** ManageSieve {@code STARTTLS} (RFC 5804 §2.2). */
	SIEVE,

	/** LMTP {@code STARTTLS} after {@code LHLO} (RFC 2033, RFC 3207). */
	LMTP,

	/** IRC {@code STARTTLS} (the IRCv3 tls extension: 670 to go on, 691 to refuse). */
	IRC,

	/**
	 * Microsoft SQL Server: a TDS PRELOGIN exchange that asks for encryption, then the
	 * TLS handshake inside TDS PRELOGIN packets (MS-TDS).
	 */
	MSSQL

}
