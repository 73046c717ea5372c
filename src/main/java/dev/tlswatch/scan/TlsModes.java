package dev.tlswatch.scan;

import dev.tlswatch.endpoint.TlsMode;
import dev.tlswatch.probe.StartTls;

/**
 * The one mapping from the registry's {@link TlsMode} to the probe engine's
 * {@link StartTls}, for scans and the command line alike. Plain Java.
 */
public final class TlsModes {

	private TlsModes() {
	}

	/**
	 * How TLS starts for a mode on a port, {@link TlsMode#AUTO} resolved from the port.
	 * @param mode the endpoint's mode
	 * @param port the endpoint's port
	 * @return the probe's name for it
	 */
	public static StartTls startTls(TlsMode mode, int port) {
		return startTls(mode.effectiveFor(port));
	}

	/**
	 * The probe's name for a concrete mode.
	 * @param mode a mode other than {@code AUTO}, as {@link TlsMode#effectiveFor(int)}
	 * returns it
	 * @return how TLS starts
	 * @throws IllegalArgumentException for {@code AUTO}, which needs a port
	 */
	public static StartTls startTls(TlsMode mode) {
		return switch (mode) {
			case IMPLICIT -> StartTls.NONE;
			case STARTTLS_SMTP -> StartTls.SMTP;
			case STARTTLS_IMAP -> StartTls.IMAP;
			case STARTTLS_POP3 -> StartTls.POP3;
			case STARTTLS_FTP -> StartTls.FTP;
			case STARTTLS_LDAP -> StartTls.LDAP;
			case STARTTLS_XMPP -> StartTls.XMPP;
			case STARTTLS_POSTGRES -> StartTls.POSTGRES;
			case STARTTLS_MYSQL -> StartTls.MYSQL;
			case STARTTLS_NNTP -> StartTls.NNTP;
			case STARTTLS_SIEVE -> StartTls.SIEVE;
			case STARTTLS_LMTP -> StartTls.LMTP;
			case STARTTLS_IRC -> StartTls.IRC;
			case STARTTLS_MSSQL -> StartTls.MSSQL;
			case AUTO -> throw new IllegalArgumentException("AUTO is resolved for the port before probing");
		};
	}

}
