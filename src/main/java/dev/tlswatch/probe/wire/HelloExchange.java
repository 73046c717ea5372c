package dev.tlswatch.probe.wire;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

import dev.tlswatch.probe.Observed.Status;
import dev.tlswatch.probe.ProbeOptions;
import dev.tlswatch.probe.ProbeTarget;
import dev.tlswatch.probe.starttls.StartTlsNegotiation;
import dev.tlswatch.probe.wire.ServerResponse.Malformed;
import dev.tlswatch.probe.wire.ServerResponse.ServerHelloReceived;
import org.jspecify.annotations.Nullable;

/**
 * One connection that puts one ClientHello and reads the first answer: TCP connect within
 * the connect timeout, the target's STARTTLS dialogue, the ClientHello, and the answer,
 * all after the connect within the handshake timeout, however slowly the server sends.
 * The same steps as {@link ProtocolVersionProbe}; a ServerHello is also read for its
 * {@link ServerHelloFeatures}.
 */
final class HelloExchange {

	private HelloExchange() {
	}

	/**
	 * Connect, send, read, close.
	 * @param target the target
	 * @param options the timeouts
	 * @param clientHello the record to send
	 * @return the answer
	 * @throws NotAsked if the server never saw the ClientHello, or reading failed locally
	 */
	static Answer exchange(ProbeTarget target, ProbeOptions options, byte[] clientHello) throws NotAsked {
		Socket socket = new Socket();
		try {
			connect(socket, target, options);
			Deadline deadline = Deadline.after(options.handshakeTimeout());
			startTls(socket, target, options);
			send(socket, clientHello);
			return read(socket, deadline);
		}
		finally {
			closeQuietly(socket);
		}
	}

	private static void connect(Socket socket, ProbeTarget target, ProbeOptions options) throws NotAsked {
		try {
			socket.connect(new InetSocketAddress(target.address(), target.port()),
					Deadline.socketMillis(options.connectTimeout()));
		}
		catch (SocketTimeoutException ex) {
			throw new NotAsked(Status.TIMED_OUT,
					"Connect timed out after " + options.connectTimeout().toMillis() + " ms");
		}
		catch (IOException ex) {
			throw new NotAsked(Status.COULD_NOT_TEST, "Connect failed: " + describe(ex));
		}
	}

	private static void startTls(Socket socket, ProbeTarget target, ProbeOptions options) throws NotAsked {
		try {
			StartTlsNegotiation.prepare(socket, target, options.handshakeTimeout());
		}
		catch (SocketTimeoutException ex) {
			throw new NotAsked(Status.TIMED_OUT, "STARTTLS timed out: " + describe(ex));
		}
		catch (IOException ex) {
			throw new NotAsked(Status.COULD_NOT_TEST, "STARTTLS failed: " + describe(ex));
		}
	}

	private static void send(Socket socket, byte[] clientHello) throws NotAsked {
		try {
			OutputStream output = socket.getOutputStream();
			output.write(clientHello);
			output.flush();
		}
		catch (IOException ex) {
			throw new NotAsked(Status.COULD_NOT_TEST, "Sending the ClientHello failed: " + describe(ex));
		}
	}

	/** The answer, and for a ServerHello its features, or why they do not parse. */
	private static Answer read(Socket socket, Deadline deadline) throws NotAsked {
		AtomicReference<byte @Nullable []> body = new AtomicReference<>();
		ServerResponse response;
		try {
			response = ServerResponseReader.read(new DeadlineInputStream(socket, deadline), body::set);
		}
		catch (IOException ex) {
			throw new NotAsked(Status.ERROR, "Reading the answer failed: " + describe(ex));
		}
		byte[] serverHello = body.get();
		if (!(response instanceof ServerHelloReceived) || serverHello == null) {
			return new Answer(response, null);
		}
		try {
			return new Answer(response, ServerHelloFeatures.parse(serverHello));
		}
		catch (MalformedMessageException ex) {
			return new Answer(new Malformed(String.valueOf(ex.getMessage())), null);
		}
	}

	private static void closeQuietly(Socket socket) {
		try {
			socket.close();
		}
		catch (IOException ex) {
			// The answer, if any, is in; nothing is left to do with the socket
		}
	}

	private static String describe(Exception ex) {
		String message = ex.getMessage();
		return (message != null && !message.isBlank()) ? message : ex.getClass().getSimpleName();
	}

	/**
	 * The server's first answer.
	 *
	 * @param response the answer
	 * @param features what the ServerHello says beyond version and suite; present exactly
	 * when the answer is a {@link ServerHelloReceived}
	 */
	record Answer(ServerResponse response, @Nullable ServerHelloFeatures features) {

		Answer {
			Objects.requireNonNull(response, "response");
			if ((response instanceof ServerHelloReceived) != (features != null)) {
				throw new IllegalArgumentException("A ServerHello, and only a ServerHello, has features");
			}
		}

	}

	/**
	 * The server never saw the ClientHello, or its answer could not be read.
	 */
	static final class NotAsked extends Exception {

		private static final long serialVersionUID = 1L;

		private final transient Status status;

		NotAsked(Status status, String detail) {
			super(detail, null, false, false);
			this.status = status;
		}

		Status status() {
			return this.status;
		}

	}

}
