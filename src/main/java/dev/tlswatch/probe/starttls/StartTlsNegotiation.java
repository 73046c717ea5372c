package dev.tlswatch.probe.starttls;

import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.Objects;

import dev.tlswatch.probe.Deadline;
import dev.tlswatch.probe.ProbeTarget;

/**
 * Runs the target's upgrade dialogue on a freshly connected socket, so that the next
 * bytes the client writes are its ClientHello. Every probe of a target calls this first,
 * whatever it then sends.
 * <p>
 * Each dialogue is bounded: in time by the timeout, however slowly the server answers,
 * and in size (lines of at most 4096 bytes, 64 KiB from the server in all). Nothing the
 * server sends after its last plaintext reply is read.
 */
public final class StartTlsNegotiation {

	private StartTlsNegotiation() {
	}

	/**
	 * Prepare a connected socket for the TLS handshake. For
	 * {@link dev.tlswatch.probe.StartTls#NONE} the socket is left untouched; otherwise
	 * its read timeout is changed, and the caller sets its own afterwards.
	 * <p>
	 * The TLS handshake then runs over the socket returned: the given one, except for
	 * {@link dev.tlswatch.probe.StartTls#MSSQL}, whose handshake travels inside TDS
	 * packets until {@link #handshakeCompleted(Socket)} is called.
	 * @param socket connected to the target
	 * @param target the target, naming its STARTTLS dialect
	 * @param timeout bound on the whole dialogue
	 * @return the socket to run TLS over
	 * @throws StartTlsException if the server does not agree to start TLS: it refuses,
	 * does not offer the upgrade, closes the connection or answers outside its protocol
	 * @throws java.net.SocketTimeoutException if the dialogue outlives the timeout
	 * @throws IOException if the network fails
	 */
	public static Socket prepare(Socket socket, ProbeTarget target, Duration timeout) throws IOException {
		Objects.requireNonNull(socket, "socket");
		Objects.requireNonNull(target, "target");
		Objects.requireNonNull(timeout, "timeout");
		Deadline deadline = Deadline.after(timeout);
		switch (target.startTls()) {
			case NONE -> {
				// TLS starts right away: nothing to say first.
			}
			case SMTP -> SmtpNegotiator.negotiate(socket, deadline);
			case IMAP -> ImapNegotiator.negotiate(socket, deadline);
			case POP3 -> Pop3Negotiator.negotiate(socket, deadline);
			case FTP -> FtpNegotiator.negotiate(socket, deadline);
			case LDAP -> LdapNegotiator.negotiate(socket, deadline);
			case XMPP -> XmppNegotiator.negotiate(socket, target.expectedName(), deadline);
			case POSTGRES -> PostgresNegotiator.negotiate(socket, deadline);
			case MYSQL -> MysqlNegotiator.negotiate(socket, deadline);
			case NNTP -> NntpNegotiator.negotiate(socket, deadline);
			case SIEVE -> SieveNegotiator.negotiate(socket, deadline);
			case LMTP -> LmtpNegotiator.negotiate(socket, deadline);
			case IRC -> IrcNegotiator.negotiate(socket, deadline);
			case MSSQL -> {
				return MssqlNegotiator.negotiate(socket, deadline);
			}
		}
		return socket;
	}

	/**
	 * Tell a socket that {@link #prepare} returned that the TLS handshake over it has
	 * completed, so that what follows goes over TCP as bare TLS (only the TDS framing of
	 * {@link dev.tlswatch.probe.StartTls#MSSQL} cares).
	 * @param socket a socket {@link #prepare} returned
	 */
	public static void handshakeCompleted(Socket socket) {
		if (socket instanceof TdsSocket tds) {
			tds.handshakeCompleted();
		}
	}

}
