package dev.tlswatch.probe.wire;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.tlswatch.probe.Deadline;
import dev.tlswatch.probe.ProbeOptions;
import dev.tlswatch.probe.ProbeTarget;
import dev.tlswatch.probe.starttls.StartTlsNegotiation;
import org.jspecify.annotations.Nullable;

/**
 * One connection of a vulnerability check that talks records both ways: the
 * {@link WireConnection} steps (connect, STARTTLS), then records written and read under
 * one deadline of the handshake timeout, at most {@value #MAX_BYTES} bytes read in all.
 * Reads the server's first flight up to its ServerHelloDone (RFC 5246 §7.3) as handshake
 * messages, each length checked against the budget before it is read.
 */
final class RawSession implements AutoCloseable {

	/**
	 * The most bytes read from one server: its flight with a long chain, and an answer.
	 */
	static final int MAX_BYTES = 160 * 1024;

	/** ContentType heartbeat, RFC 6520 §3. */
	static final int HEARTBEAT = 24;

	/** HandshakeType client_key_exchange, RFC 5246 §7.4. */
	static final int CLIENT_KEY_EXCHANGE = 16;

	/** HandshakeType finished, RFC 5246 §7.4. */
	static final int FINISHED = 20;

	private final Socket socket;

	private final InputStream input;

	private final OutputStream output;

	private final ByteArrayOutputStream handshake = new ByteArrayOutputStream();

	private int received;

	private int consumed;

	private RawSession(Socket socket, Deadline deadline) throws IOException {
		this.socket = socket;
		this.input = deadline.input(socket, "TLS");
		this.output = socket.getOutputStream();
	}

	/**
	 * Connect, and run the target's STARTTLS dialogue.
	 * @param target the target
	 * @param options the timeouts
	 * @return the open session
	 * @throws WireConnection.Failure if no connection could be made
	 */
	static RawSession open(ProbeTarget target, ProbeOptions options) throws WireConnection.Failure {
		Socket socket = new Socket();
		try {
			WireConnection.connect(socket, target, options);
			Deadline deadline = Deadline.after(options.handshakeTimeout());
			return new RawSession(WireConnection.startTls(socket, target, options), deadline);
		}
		catch (WireConnection.Failure ex) {
			closeQuietly(socket);
			throw ex;
		}
		catch (IOException ex) {
			closeQuietly(socket);
			throw new WireConnection.Failure(false, "Connect failed: " + WireConnection.describe(ex));
		}
	}

	/**
	 * Write records, at once.
	 * @param records the records, each whole
	 * @throws IOException if writing failed
	 */
	void send(byte[]... records) throws IOException {
		for (byte[] record : records) {
			this.output.write(record);
		}
		this.output.flush();
	}

	/**
	 * Send a ClientHello and read the server's flight through its ServerHelloDone.
	 * @param clientHello the ClientHello record
	 * @return the flight
	 * @throws NoFlight if the server answered otherwise, or not at all
	 */
	Flight flight(byte[] clientHello) throws NoFlight {
		try {
			send(clientHello);
			return readFlight();
		}
		catch (SocketTimeoutException ex) {
			throw new NoFlight(Answer.TIMED_OUT, "No answer to the ClientHello in time");
		}
		catch (SocketException ex) {
			throw new NoFlight(Answer.CLOSED, "Connection reset instead of a ServerHello");
		}
		catch (IOException ex) {
			throw new NoFlight(Answer.ERROR, "Reading the answer failed: " + WireConnection.describe(ex));
		}
		catch (MalformedMessageException ex) {
			throw new NoFlight(Answer.ERROR, String.valueOf(ex.getMessage()));
		}
	}

	/**
	 * The server's next record, whatever its type.
	 * @return the record, {@code null} if the server closed the connection before it
	 * @throws IOException on a timeout ({@link SocketTimeoutException}) or a reset
	 * @throws MalformedMessageException if it is not a TLS record or exceeds the budget
	 */
	@Nullable Record next() throws IOException, MalformedMessageException {
		return next(TlsRecords.MAX_FRAGMENT_LENGTH);
	}

	/**
	 * The server's next record, with at most {@code maxRead} bytes of its fragment read:
	 * a longer one is returned cut short, with its announced length.
	 * @param maxRead the most fragment bytes to read
	 * @return the record, {@code null} if the server closed the connection before it
	 * @throws IOException on a timeout ({@link SocketTimeoutException}) or a reset
	 * @throws MalformedMessageException if it is not a TLS record or exceeds the budget
	 */
	@Nullable Record next(int maxRead) throws IOException, MalformedMessageException {
		byte[] header = readBounded(TlsRecords.HEADER_LENGTH);
		if (header.length == 0) {
			return null;
		}
		if (header.length < TlsRecords.HEADER_LENGTH) {
			throw new MalformedMessageException("Connection closed inside a record header");
		}
		TlsReader reader = new TlsReader(header);
		int type = reader.u8();
		int version = reader.u16();
		int length = reader.u16();
		if ((version >>> 8) != TlsRecords.VERSION_MAJOR) {
			throw new MalformedMessageException("Not a TLS record: record version " + Hex.u16(version));
		}
		if (length > TlsRecords.MAX_FRAGMENT_LENGTH) {
			throw new MalformedMessageException("Record of " + length + " bytes");
		}
		byte[] fragment = readBounded(Math.min(length, maxRead));
		if (fragment.length < Math.min(length, maxRead)) {
			throw new MalformedMessageException("Connection closed inside a record");
		}
		return new Record(type, version, length, fragment);
	}

	private Flight readFlight() throws IOException, MalformedMessageException, NoFlight {
		List<Message> messages = new ArrayList<>();
		for (;;) {
			Record record = next();
			if (record == null) {
				throw new NoFlight(Answer.CLOSED, "Connection closed instead of a ServerHello");
			}
			if (record.type() == TlsRecords.ALERT && record.fragment().length == AlertDescription.LENGTH) {
				throw new NoFlight(Answer.ALERT, "Alert " + (record.fragment()[1] & 0xFF) + " instead of a flight");
			}
			if (record.type() != TlsRecords.HANDSHAKE) {
				throw new MalformedMessageException("Record of content type " + record.type() + " in the flight");
			}
			this.handshake.writeBytes(record.fragment());
			if (collect(messages)) {
				return Flight.of(messages);
			}
		}
	}

	/** Whole messages out of the buffer; whether the last one was a ServerHelloDone. */
	private boolean collect(List<Message> messages) throws MalformedMessageException {
		byte[] buffered = this.handshake.toByteArray();
		while (buffered.length - this.consumed >= Handshakes.HEADER_LENGTH) {
			TlsReader header = new TlsReader(
					Arrays.copyOfRange(buffered, this.consumed, this.consumed + Handshakes.HEADER_LENGTH));
			int type = header.u8();
			int length = header.u24();
			if (length > MAX_BYTES) {
				throw new MalformedMessageException("Handshake message of " + length + " bytes");
			}
			int end = this.consumed + Handshakes.HEADER_LENGTH + length;
			if (buffered.length < end) {
				return false;
			}
			messages
				.add(new Message(type, Arrays.copyOfRange(buffered, this.consumed + Handshakes.HEADER_LENGTH, end)));
			this.consumed = end;
			if (messages.size() == 1 && type != Handshakes.SERVER_HELLO) {
				throw new MalformedMessageException("Expected a ServerHello, got handshake message type " + type);
			}
			if (type == Handshakes.SERVER_HELLO_DONE) {
				return true;
			}
		}
		return false;
	}

	private byte[] readBounded(int length) throws IOException, MalformedMessageException {
		if (length > MAX_BYTES - this.received) {
			throw new MalformedMessageException("More than " + MAX_BYTES + " bytes from the server");
		}
		byte[] bytes = this.input.readNBytes(length);
		this.received += bytes.length;
		return bytes;
	}

	@Override
	public void close() {
		closeQuietly(this.socket);
	}

	/**
	 * The handshake is over: what follows is bare TLS, also where the handshake travelled
	 * inside another protocol's packets (SQL Server's TDS).
	 */
	void handshakeCompleted() {
		StartTlsNegotiation.handshakeCompleted(this.socket);
	}

	private static void closeQuietly(Socket socket) {
		try {
			socket.close();
		}
		catch (IOException ex) {
			// Nothing is left to learn from this connection
		}
	}

	/**
	 * One record.
	 *
	 * @param type its content type
	 * @param version its record version
	 * @param length the fragment length it announced
	 * @param fragment the fragment bytes read (all of them, unless read with a bound)
	 */
	record Record(int type, int version, int length, byte[] fragment) {

	}

	/**
	 * One handshake message.
	 *
	 * @param type its handshake type
	 * @param body the message without its header
	 */
	record Message(int type, byte[] body) {

	}

	/**
	 * The server's first flight, ServerHello to ServerHelloDone.
	 *
	 * @param version the version the ServerHello chose (its legacy_version)
	 * @param random the server's random
	 * @param sessionId the session id it sent
	 * @param cipherSuite the suite it chose
	 * @param extensions the extension types it sent
	 * @param messages every message, ServerHello first
	 */
	record Flight(int version, byte[] random, byte[] sessionId, int cipherSuite, List<Integer> extensions,
			List<Message> messages) {

		static Flight of(List<Message> messages) throws MalformedMessageException {
			TlsReader hello = new TlsReader(messages.get(0).body());
			int version = hello.u16();
			byte[] random = hello.bytes(Handshakes.RANDOM_LENGTH, "random");
			TlsReader id = hello.u8Prefixed("session id");
			if (id.remaining() > Handshakes.MAX_SESSION_ID_LENGTH) {
				throw new MalformedMessageException("Session id of " + id.remaining() + " bytes");
			}
			byte[] sessionId = id.bytes(id.remaining(), "session id");
			int suite = hello.u16();
			hello.u8();
			List<Integer> extensions = new ArrayList<>();
			if (hello.remaining() > 0) {
				TlsReader all = hello.u16Prefixed("extensions");
				while (all.remaining() > 0) {
					extensions.add(all.u16());
					all.u16Prefixed("extension data");
				}
			}
			return new Flight(version, random, sessionId, suite, List.copyOf(extensions), List.copyOf(messages));
		}

		/**
		 * The first message of a type.
		 * @param type the handshake type
		 * @return its body, {@code null} if the flight has none
		 */
		byte @Nullable [] message(int type) {
			return this.messages.stream()
				.filter((message) -> message.type() == type)
				.map(Message::body)
				.findFirst()
				.orElse(null);
		}

	}

	/** How the server answered instead of a flight. */
	enum Answer {

		ALERT, CLOSED, TIMED_OUT, ERROR

	}

	/**
	 * The server did not send a flight.
	 */
	static final class NoFlight extends Exception {

		private static final long serialVersionUID = 1L;

		private final Answer answer;

		NoFlight(Answer answer, String detail) {
			super(detail, null, false, false);
			this.answer = answer;
		}

		Answer answer() {
			return this.answer;
		}

	}

}
