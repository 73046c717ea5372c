package dev.tlswatch.probe.jsse;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.security.NoSuchAlgorithmException;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

import dev.tlswatch.probe.HandshakeOutcome;
import dev.tlswatch.probe.starttls.StartTlsException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Outcomes and error texts of failures: {@link Failures}.
 */
class FailuresTests {

	@Test
	void refusedOrUnreachableConnectIsConnectionRefused() {
		assertThat(Failures.ofConnect(new ConnectException("Connection refused")))
			.isEqualTo(HandshakeOutcome.CONNECTION_REFUSED);
		assertThat(Failures.ofConnect(new NoRouteToHostException("No route to host")))
			.isEqualTo(HandshakeOutcome.CONNECTION_REFUSED);
		assertThat(Failures.ofConnect(new PortUnreachableException())).isEqualTo(HandshakeOutcome.CONNECTION_REFUSED);
		assertThat(Failures.ofConnect(new SocketException("Network is unreachable")))
			.isEqualTo(HandshakeOutcome.CONNECTION_REFUSED);
	}

	@Test
	void connectTimeoutIsTimeout() {
		assertThat(Failures.ofConnect(new SocketTimeoutException("Connect timed out")))
			.isEqualTo(HandshakeOutcome.TIMEOUT);
	}

	@Test
	void otherConnectFailureIsError() {
		assertThat(Failures.ofConnect(new SocketException("Permission denied"))).isEqualTo(HandshakeOutcome.ERROR);
		assertThat(Failures.ofConnect(new IllegalArgumentException("bad address"))).isEqualTo(HandshakeOutcome.ERROR);
	}

	@Test
	void alertGarbageCloseOrResetDuringHandshakeIsTlsFailure() {
		assertThat(Failures.ofHandshake(new SSLHandshakeException("Received fatal alert: handshake_failure")))
			.isEqualTo(HandshakeOutcome.TLS_FAILURE);
		assertThat(Failures.ofHandshake(new SSLException("Unsupported or unrecognized SSL message")))
			.isEqualTo(HandshakeOutcome.TLS_FAILURE);
		assertThat(Failures.ofHandshake(new EOFException("SSL peer shut down incorrectly")))
			.isEqualTo(HandshakeOutcome.TLS_FAILURE);
		assertThat(Failures.ofHandshake(new SocketException("Connection reset")))
			.isEqualTo(HandshakeOutcome.TLS_FAILURE);
	}

	@Test
	void readTimeoutDuringHandshakeIsTimeoutEvenWhenWrapped() {
		assertThat(Failures.ofHandshake(new SocketTimeoutException("Read timed out")))
			.isEqualTo(HandshakeOutcome.TIMEOUT);
		assertThat(Failures.ofHandshake(new SSLException("read failed", new SocketTimeoutException("Read timed out"))))
			.isEqualTo(HandshakeOutcome.TIMEOUT);
	}

	@Test
	void localFailureDuringHandshakeIsError() {
		assertThat(Failures.ofHandshake(new NoSuchAlgorithmException("TLS"))).isEqualTo(HandshakeOutcome.ERROR);
		assertThat(Failures.ofHandshake(new IOException("odd"))).isEqualTo(HandshakeOutcome.ERROR);
		assertThat(Failures.ofHandshake(new IllegalStateException("bug"))).isEqualTo(HandshakeOutcome.ERROR);
	}

	@Test
	void refusalCloseOrResetDuringStartTlsIsStartTlsFailed() {
		assertThat(Failures.ofStartTls(new StartTlsException("SMTP server refused STARTTLS: \"454 no\"")))
			.isEqualTo(HandshakeOutcome.STARTTLS_FAILED);
		assertThat(Failures.ofStartTls(new SocketException("Connection reset")))
			.isEqualTo(HandshakeOutcome.STARTTLS_FAILED);
		assertThat(Failures.ofStartTls(new EOFException())).isEqualTo(HandshakeOutcome.STARTTLS_FAILED);
	}

	@Test
	void timeoutDuringStartTlsIsTimeoutAndLocalFailureIsError() {
		assertThat(Failures.ofStartTls(new SocketTimeoutException("SMTP dialogue not completed within 5 ms")))
			.isEqualTo(HandshakeOutcome.TIMEOUT);
		assertThat(Failures.ofStartTls(new IOException("odd"))).isEqualTo(HandshakeOutcome.ERROR);
		assertThat(Failures.ofStartTls(new IllegalStateException("bug"))).isEqualTo(HandshakeOutcome.ERROR);
	}

	@Test
	void descriptionQuotesTheMessageAndNewCauseMessages() {
		SSLHandshakeException failure = new SSLHandshakeException("Remote host terminated the handshake");
		failure.initCause(new EOFException("SSL peer shut down incorrectly"));
		assertThat(Failures.describe(failure))
			.isEqualTo("Remote host terminated the handshake; caused by EOFException: SSL peer shut down incorrectly");
	}

	@Test
	void descriptionSkipsRepeatedCauseMessages() {
		SSLException failure = new SSLException("Connection reset", new SocketException("Connection reset"));
		assertThat(Failures.describe(failure)).isEqualTo("Connection reset");
	}

	@Test
	void descriptionNamesTheTypeWithoutMessage() {
		assertThat(Failures.describe(new EOFException())).isEqualTo("EOFException");
	}

	@Test
	void descriptionIsBounded() {
		IOException failure = new IOException("x".repeat(400), new IOException("y".repeat(400)));
		assertThat(Failures.describe(failure)).hasSize(Failures.MAX_ERROR_LENGTH).startsWith("xxx");
	}

	@Test
	void descriptionSurvivesCauseCycles() {
		IOException first = new IOException("first");
		IOException second = new IOException("second");
		first.initCause(second);
		second.initCause(first);
		assertThat(Failures.describe(first)).isEqualTo("first; caused by IOException: second");
		assertThat(Failures.ofHandshake(first)).isEqualTo(HandshakeOutcome.ERROR);
	}

}
