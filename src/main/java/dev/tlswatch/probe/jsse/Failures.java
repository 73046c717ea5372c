package dev.tlswatch.probe.jsse;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Set;

import javax.net.ssl.SSLException;

import dev.tlswatch.probe.HandshakeOutcome;
import dev.tlswatch.probe.starttls.StartTlsException;
import org.jspecify.annotations.Nullable;

/**
 * Maps what went wrong to a {@link HandshakeOutcome} and a bounded error text.
 */
final class Failures {

	/** Characters kept of an error text. */
	static final int MAX_ERROR_LENGTH = 500;

	// Causes quoted after the exception itself
	private static final int MAX_CAUSES = 3;

	private Failures() {
	}

	/**
	 * The outcome of a failed TCP connect.
	 * @param failure what the connect threw
	 * @return {@code TIMEOUT}, {@code CONNECTION_REFUSED} or {@code ERROR}
	 */
	static HandshakeOutcome ofConnect(Throwable failure) {
		if (hasCause(failure, SocketTimeoutException.class)) {
			return HandshakeOutcome.TIMEOUT;
		}
		if (failure instanceof ConnectException || failure instanceof NoRouteToHostException
				|| failure instanceof PortUnreachableException || isUnreachable(failure)) {
			return HandshakeOutcome.CONNECTION_REFUSED;
		}
		return HandshakeOutcome.ERROR;
	}

	/**
	 * The outcome of a failed TLS handshake on a connected socket.
	 * @param failure what the handshake threw
	 * @return {@code TIMEOUT}, {@code TLS_FAILURE} or {@code ERROR}
	 */
	static HandshakeOutcome ofHandshake(Throwable failure) {
		if (hasCause(failure, SocketTimeoutException.class)) {
			return HandshakeOutcome.TIMEOUT;
		}
		// Alerts, garbage, a closed or reset connection
		if (failure instanceof SSLException || failure instanceof EOFException || failure instanceof SocketException) {
			return HandshakeOutcome.TLS_FAILURE;
		}
		return HandshakeOutcome.ERROR;
	}

	/**
	 * The outcome of a failed STARTTLS dialogue on a connected socket.
	 * @param failure what the dialogue threw
	 * @return {@code TIMEOUT}, {@code STARTTLS_FAILED} or {@code ERROR}
	 */
	static HandshakeOutcome ofStartTls(Throwable failure) {
		if (hasCause(failure, SocketTimeoutException.class)) {
			return HandshakeOutcome.TIMEOUT;
		}
		// A refusal, or a connection closed or reset before TLS started
		if (failure instanceof StartTlsException || failure instanceof EOFException
				|| failure instanceof SocketException) {
			return HandshakeOutcome.STARTTLS_FAILED;
		}
		return HandshakeOutcome.ERROR;
	}

	/**
	 * The message of a failure and, briefly, of its causes, at most
	 * {@value #MAX_ERROR_LENGTH} characters.
	 * @param failure the failure
	 * @return the text
	 */
	static String describe(Throwable failure) {
		StringBuilder text = new StringBuilder(messageOf(failure));
		Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
		seen.add(failure);
		Throwable cause = failure.getCause();
		for (int quoted = 0; cause != null && seen.add(cause) && quoted < MAX_CAUSES; quoted++) {
			String message = cause.getMessage();
			// JSSE often repeats the cause's message in its own
			if (message == null || text.indexOf(message) < 0) {
				text.append("; caused by ").append(cause.getClass().getSimpleName());
				text.append((message != null) ? ": " + message : "");
			}
			cause = cause.getCause();
		}
		return bounded(text.toString());
	}

	static String bounded(String text) {
		return (text.length() <= MAX_ERROR_LENGTH) ? text : text.substring(0, MAX_ERROR_LENGTH);
	}

	/** ENETUNREACH and the like surface as a plain {@link SocketException}. */
	private static boolean isUnreachable(Throwable failure) {
		String message = failure.getMessage();
		return failure instanceof SocketException && message != null
				&& message.toLowerCase(Locale.ROOT).contains("unreachable");
	}

	private static String messageOf(Throwable failure) {
		String message = failure.getMessage();
		return (message != null && !message.isBlank()) ? message : failure.getClass().getSimpleName();
	}

	private static boolean hasCause(@Nullable Throwable failure, Class<? extends Throwable> type) {
		Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
		for (Throwable current = failure; current != null && seen.add(current); current = current.getCause()) {
			if (type.isInstance(current)) {
				return true;
			}
		}
		return false;
	}

}
