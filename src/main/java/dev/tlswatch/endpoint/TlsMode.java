package dev.tlswatch.endpoint;

/**
 * How TLS starts on an endpoint's port: right after the TCP connect, after one of the
 * plaintext protocols' upgrade dialogues (STARTTLS), or chosen from the well-known port
 * when the endpoint is scanned ({@link #AUTO}).
 */
public enum TlsMode {

	/**
	 * The client sends a ClientHello right after the TCP connect (HTTPS, SMTPS,
	 * IMAPS...).
	 */
	IMPLICIT,

	/** SMTP {@code STARTTLS} (RFC 3207). */
	STARTTLS_SMTP,

	/** IMAP {@code STARTTLS} (RFC 3501, RFC 9051). */
	STARTTLS_IMAP,

	/** POP3 {@code STLS} (RFC 2595). */
	STARTTLS_POP3,

	/** FTP {@code AUTH TLS} (RFC 4217). */
	STARTTLS_FTP,

	/** The LDAP StartTLS extended operation (RFC 4511, RFC 4513). */
	STARTTLS_LDAP,

	/** XMPP client-to-server {@code <starttls/>} (RFC 6120). */
	STARTTLS_XMPP,

	/** The PostgreSQL {@code SSLRequest}. */
	STARTTLS_POSTGRES,

	/** The MySQL (MariaDB) {@code SSLRequest}. */
	STARTTLS_MYSQL,

	/** NNTP {@code STARTTLS} (RFC 4642). */
	STARTTLS_NNTP,

	/** ManageSieve {@code STARTTLS} (RFC 5804). */
	STARTTLS_SIEVE,

	/** LMTP {@code STARTTLS} after {@code LHLO} (RFC 2033). */
	STARTTLS_LMTP,

	/** IRC {@code STARTTLS} (IRCv3 tls extension). */
	STARTTLS_IRC,

	/**
	 * Microsoft SQL Server: TDS PRELOGIN asking for encryption, the TLS handshake inside
	 * TDS packets (MS-TDS).
	 */
	STARTTLS_MSSQL,

	/**
	 * Chosen from the port at scan time: 25 and 587 SMTP, 143 IMAP, 110 POP3, 21 FTP, 389
	 * LDAP, 5222 XMPP, 5432 PostgreSQL, 3306 MySQL, 119 NNTP, 4190 ManageSieve, 24 LMTP,
	 * 6667 IRC, 1433 Microsoft SQL Server, any other port implicit TLS.
	 */
	AUTO;

	/**
	 * The concrete mode for a port: this mode itself, or for {@link #AUTO} the one the
	 * port is well known for.
	 * @param port the endpoint's port
	 * @return a mode other than {@code AUTO}
	 */
	public TlsMode effectiveFor(int port) {
		if (this != AUTO) {
			return this;
		}
		// IANA service names and port numbers: smtp, submission, imap, pop3, ftp, ldap,
		// xmpp-client, postgresql, mysql, nntp, sieve, lmtp, ircd, ms-sql-s
		return switch (port) {
			case 25, 587 -> STARTTLS_SMTP;
			case 143 -> STARTTLS_IMAP;
			case 110 -> STARTTLS_POP3;
			case 21 -> STARTTLS_FTP;
			case 389 -> STARTTLS_LDAP;
			case 5222 -> STARTTLS_XMPP;
			case 5432 -> STARTTLS_POSTGRES;
			case 3306 -> STARTTLS_MYSQL;
			case 119 -> STARTTLS_NNTP;
			case 4190 -> STARTTLS_SIEVE;
			case 24 -> STARTTLS_LMTP;
			case 6667 -> STARTTLS_IRC;
			case 1433 -> STARTTLS_MSSQL;
			default -> IMPLICIT;
		};
	}

}
