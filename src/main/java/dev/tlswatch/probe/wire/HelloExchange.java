package dev.tlswatch.probe.wire;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

import dev.tlswatch.probe.Observed.Status;
import dev.tlswatch.probe.ProbeOptions;
import dev.tlswatch.probe.ProbeTarget;
import dev.tlswatch.probe.wire.ServerResponse.Malformed;
import dev.tlswatch.probe.wire.ServerResponse.ServerHelloReceived;
import org.jspecify.annotations.Nullable;

/**
 * One connection that puts one ClientHello and reads the first answer: TCP connect within
 * the connect timeout, the target's STARTTLS dialogue, the ClientHello, and the answer,
 * all after the connect within the handshake timeout, however slowly the server sends.
 * The steps of every wire probe ({@link WireConnection}); a ServerHello is also read for
 * its {@link ServerHelloFeatures}.
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
		return exchange(target, options, clientHello, null);
	}

	/**
	 * Connect, send, read (with the rest of a TLS 1.2-or-earlier flight, when a flight is
	 * given), close.
	 * @param target the target
	 * @param options the timeouts
	 * @param clientHello the record to send
	 * @param flight collects the Certificate and CertificateRequest, {@code null} to read
	 * the ServerHello only
	 * @return the answer
	 * @throws NotAsked if the server never saw the ClientHello, or reading failed locally
	 */
	static Answer exchange(ProbeTarget target, ProbeOptions options, byte[] clientHello, @Nullable ServerFlight flight)
			throws NotAsked {
		AtomicReference<byte @Nullable []> body = new AtomicReference<>();
		ServerResponse response;
		try {
			response = WireConnection.exchange(target, options, clientHello,
					(input) -> (flight != null) ? ServerResponseReader.readFlight(input, body::set, flight)
							: ServerResponseReader.read(input, body::set));
		}
		catch (WireConnection.Failure ex) {
			throw new NotAsked(status(ex), String.valueOf(ex.getMessage()));
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

	/**
	 * A timeout before an answer, an error reading one, or no way to ask at all.
	 */
	private static Status status(WireConnection.Failure failure) {
		if (failure.timedOut()) {
			return Status.TIMED_OUT;
		}
		return failure.sent() ? Status.ERROR : Status.COULD_NOT_TEST;
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
