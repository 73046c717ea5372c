package dev.tlswatch.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

import com.icegreen.greenmail.util.ServerSetup;

/**
 * The SMTP port of this test JVM: picked free once per JVM, so that test runs side by
 * side (several checkouts on one machine) do not meet on one fixed port. Every test
 * context's {@code spring.mail.port} points at it, and GreenMail servers of the tests
 * listen on it ({@link #setup()}).
 */
public final class TestSmtp {

	/** The port, the same for every context and GreenMail server of this JVM. */
	public static final int PORT = freePort();

	/**
	 * The property the test profile's {@code spring.mail.port} reads
	 * ({@link TestContextSetup} sets it to {@link #PORT}).
	 */
	static final String PORT_PROPERTY = "tlswatch.test.smtp-port";

	private TestSmtp() {
	}

	/**
	 * A GreenMail SMTP set-up on 127.0.0.1 and {@link #PORT}.
	 * @return the set-up
	 */
	public static ServerSetup setup() {
		return new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Unable to find a free port for the test SMTP server", ex);
		}
	}

}
