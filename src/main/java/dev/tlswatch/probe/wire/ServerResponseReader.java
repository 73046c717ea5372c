package dev.tlswatch.probe.wire;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.Arrays;
import java.util.function.Consumer;

import dev.tlswatch.probe.TlsVersion;
import dev.tlswatch.probe.wire.ServerResponse.AlertReceived;
import dev.tlswatch.probe.wire.ServerResponse.Closed;
import dev.tlswatch.probe.wire.ServerResponse.Malformed;
import dev.tlswatch.probe.wire.ServerResponse.ServerHelloReceived;
import dev.tlswatch.probe.wire.ServerResponse.TimedOut;
import org.jspecify.annotations.Nullable;

/**
 * Reads the server's first answer to a ClientHello: records until a whole ServerHello or
 * an alert has arrived (a handshake message may span records, RFC 8446 §5.1). It reads at
 * most {@value #MAX_RESPONSE_LENGTH} bytes, checks every length against that and against
 * the protocol's maximum before reading, and allocates only for bytes that arrived. What
 * is not TLS, is cut off or breaks a rule is {@link Malformed}, never a guess.
 * <p>
 * {@link #readThroughKeyExchange(InputStream)} reads on past a ServerHello of TLS 1.2 or
 * earlier, over the Certificate, to the ServerKeyExchange (RFC 5246 §7.3), and puts the
 * group it names into the answer: at most {@value #MAX_FLIGHT_LENGTH} bytes, for the
 * certificate chain.
 * <p>
 * Given a {@link ServerFlight}, a ServerHello of TLS 1.2 or earlier is read on to the
 * ServerHelloDone, and the Certificate and CertificateRequest on the way are handed to
 * it: the chain costs no connection of its own. Whatever goes wrong after the ServerHello
 * (a timeout, a close, a message out of place) ends the reading, and the ServerHello is
 * the answer all the same.
 */
final class ServerResponseReader {

	/** The most bytes read from a server; a ServerHello is a small fraction of it. */
	static final int MAX_RESPONSE_LENGTH = 64 * 1024;

	/**
	 * The most bytes read from a server up to its ServerKeyExchange: room for a
	 * certificate chain of a dozen large certificates.
	 */
	static final int MAX_FLIGHT_LENGTH = 128 * 1024;

	/**
	 * Warning alerts passed over on the way to the ServerHello: a server may warn that it
	 * does not know the SNI name and carry on (RFC 6066 §3).
	 */
	static final int MAX_WARNING_ALERTS = 4;

	private final InputStream input;

	private final boolean throughKeyExchange;

	private final int maxLength;

	private final Consumer<byte[]> serverHelloBody;

	private static final Consumer<byte[]> NO_BODY = (body) -> {
	};

	private final ByteArrayOutputStream handshake = new ByteArrayOutputStream();

	private int received;

	private int warnings;

	private @Nullable AlertReceived lastWarning;

	/** Bytes of {@link #handshake} that belong to messages already handled. */
	private int consumed;

	private @Nullable ServerHelloReceived serverHello;

	private final @Nullable ServerFlight flight;

	private ServerResponseReader(InputStream input, boolean throughKeyExchange, Consumer<byte[]> serverHelloBody) {
		this(input, throughKeyExchange, serverHelloBody, null);
	}

	private ServerResponseReader(InputStream input, boolean throughKeyExchange, Consumer<byte[]> serverHelloBody,
			@Nullable ServerFlight flight) {
		this.input = input;
		this.serverHelloBody = serverHelloBody;
		this.throughKeyExchange = throughKeyExchange;
		this.flight = flight;
		this.maxLength = (throughKeyExchange || flight != null) ? MAX_FLIGHT_LENGTH : MAX_RESPONSE_LENGTH;
	}

	/**
	 * Read the answer.
	 * @param input the connection's input, with its time bound
	 * @return the answer; a timeout, reset or close is an answer too
	 * @throws IOException on other local failures to read
	 */
	static ServerResponse read(InputStream input) throws IOException {
		return read(new ServerResponseReader(input, false, NO_BODY));
	}

	/**
	 * Read the answer, and hand the body of a whole ServerHello (or HelloRetryRequest),
	 * as received and before it is parsed, to a consumer: for probes that look at more of
	 * it than the version.
	 * @param input the connection's input, with its time bound
	 * @param serverHelloBody called at most once, with the message without its header
	 * @return the answer; a timeout, reset or close is an answer too
	 * @throws IOException on other local failures to read
	 */
	static ServerResponse read(InputStream input, Consumer<byte[]> serverHelloBody) throws IOException {
		return read(new ServerResponseReader(input, false, serverHelloBody));
	}

	/**
	 * Read the answer of a server of TLS 1.2 or earlier up to its ServerKeyExchange. A
	 * {@link ServerHelloReceived} then names the group of the key exchange: the named
	 * curve of ECDHE parameters (RFC 8422 §5.4), the group of RFC 7919 whose prime the
	 * DHE parameters carry; none if the parameters name no group we know, or if the
	 * server sends no ServerKeyExchange. Other answers, and those of TLS 1.3, are those
	 * of {@link #read(InputStream)}.
	 * @param input the connection's input, with its time bound
	 * @return the answer; a timeout, reset or close is an answer too
	 * @throws IOException on other local failures to read
	 */
	static ServerResponse readThroughKeyExchange(InputStream input) throws IOException {
		return read(new ServerResponseReader(input, true, NO_BODY));
	}

	/**
	 * Read the answer as {@link #read(InputStream, Consumer)} does, and after a
	 * ServerHello of TLS 1.2 or earlier the rest of the server's flight up to its
	 * ServerHelloDone, handing its Certificate and CertificateRequest to the flight.
	 * @param input the connection's input, with its time bound
	 * @param serverHelloBody called at most once, with the message without its header
	 * @param flight collects the certificate messages
	 * @return the answer; a ServerHello even when the rest of the flight failed
	 * @throws IOException on other local failures to read
	 */
	static ServerResponse readFlight(InputStream input, Consumer<byte[]> serverHelloBody, ServerFlight flight)
			throws IOException {
		return read(new ServerResponseReader(input, false, serverHelloBody, flight));
	}

	private static ServerResponse read(ServerResponseReader reader) throws IOException {
		try {
			return reader.answer();
		}
		catch (SocketTimeoutException ex) {
			return reader.afterFlight(new TimedOut());
		}
		catch (SocketException ex) {
			// "Connection reset" and the like: the server dropped the connection
			return reader.afterFlight(new Closed(true));
		}
		catch (MalformedMessageException ex) {
			return reader.afterFlight(new Malformed(String.valueOf(ex.getMessage())));
		}
	}

	/**
	 * Reading on for the flight never spoils the ServerHello that came first.
	 */
	private ServerResponse afterFlight(ServerResponse failure) {
		ServerHelloReceived hello = this.serverHello;
		return (this.flight != null && hello != null) ? hello : failure;
	}

	private ServerResponse answer() throws IOException, MalformedMessageException {
		for (;;) {
			RecordHeader header = nextHeader();
			if (header == null) {
				return endOfStream();
			}
			byte[] fragment = readFully(header.length());
			ServerResponse response = switch (header.contentType()) {
				case TlsRecords.ALERT -> alert(fragment);
				case TlsRecords.HANDSHAKE -> handshake(fragment);
				default -> throw new IllegalStateException("Unchecked content type " + header.contentType());
			};
			if (response != null) {
				return response;
			}
		}
	}

	/** The next record's header, checked; {@code null} if the server closed before it. */
	private @Nullable RecordHeader nextHeader() throws IOException, MalformedMessageException {
		requireBudget(TlsRecords.HEADER_LENGTH);
		byte[] bytes = this.input.readNBytes(TlsRecords.HEADER_LENGTH);
		this.received += bytes.length;
		if (bytes.length == 0) {
			return null;
		}
		if (bytes.length < TlsRecords.HEADER_LENGTH) {
			throw new MalformedMessageException("Connection closed inside a record header");
		}
		TlsReader reader = new TlsReader(bytes);
		RecordHeader header = new RecordHeader(reader.u8(), reader.u16(), reader.u16());
		checkContentType(header.contentType());
		checkVersion(header.version());
		checkLength(header.length());
		return header;
	}

	/** Before the ServerHello only handshake and alert records can come. */
	private static void checkContentType(int contentType) throws MalformedMessageException {
		switch (contentType) {
			case TlsRecords.ALERT, TlsRecords.HANDSHAKE -> {
			}
			case TlsRecords.CHANGE_CIPHER_SPEC, TlsRecords.APPLICATION_DATA -> throw new MalformedMessageException(
					"Unexpected record of content type " + contentType + " before the ServerHello");
			default -> throw new MalformedMessageException("Not a TLS record: content type " + Hex.u8(contentType));
		}
	}

	private static void checkVersion(int version) throws MalformedMessageException {
		if ((version >>> 8) != TlsRecords.VERSION_MAJOR) {
			throw new MalformedMessageException("Not a TLS record: record version " + Hex.u16(version));
		}
	}

	private void checkLength(int length) throws MalformedMessageException {
		// RFC 8446 §5.1: no zero-length handshake or alert fragments
		if (length == 0) {
			throw new MalformedMessageException("Empty record");
		}
		if (length > TlsRecords.MAX_FRAGMENT_LENGTH) {
			throw new MalformedMessageException(
					"Record of " + length + " bytes, more than " + TlsRecords.MAX_FRAGMENT_LENGTH);
		}
		requireBudget(length);
	}

	private void requireBudget(int length) throws MalformedMessageException {
		if (length > this.maxLength - this.received) {
			throw new MalformedMessageException("No " + awaited() + " within " + this.maxLength + " bytes");
		}
	}

	private String awaited() {
		return (this.serverHello == null) ? "ServerHello" : "ServerKeyExchange";
	}

	private byte[] readFully(int length) throws IOException, MalformedMessageException {
		byte[] fragment = this.input.readNBytes(length);
		this.received += fragment.length;
		if (fragment.length < length) {
			throw new MalformedMessageException(
					"Connection closed after " + fragment.length + " of " + length + " bytes of a record");
		}
		return fragment;
	}

	/**
	 * RFC 8446 §5.1 and §6: a record of type alert holds exactly one alert. Warnings
	 * other than close_notify are passed over, a few times.
	 */
	private @Nullable ServerResponse alert(byte[] fragment) throws MalformedMessageException {
		if (fragment.length != AlertDescription.LENGTH) {
			throw new MalformedMessageException("Alert record of " + fragment.length + " bytes, not 2");
		}
		AlertReceived alert = new AlertReceived(fragment[0] & 0xFF, fragment[1] & 0xFF);
		if (alert.level() != AlertDescription.WARNING || alert.description() == AlertDescription.CLOSE_NOTIFY.code()) {
			return alert;
		}
		if (++this.warnings > MAX_WARNING_ALERTS) {
			throw new MalformedMessageException("More than " + MAX_WARNING_ALERTS + " warning alerts");
		}
		this.lastWarning = alert;
		return null;
	}

	/**
	 * Collects handshake fragments and handles each message as soon as it is whole. The
	 * first must be a ServerHello; its header is checked as soon as it is complete.
	 */
	private @Nullable ServerResponse handshake(byte[] fragment) throws MalformedMessageException {
		this.handshake.writeBytes(fragment);
		byte[] buffered = this.handshake.toByteArray();
		while (buffered.length - this.consumed >= Handshakes.HEADER_LENGTH) {
			TlsReader header = new TlsReader(
					Arrays.copyOfRange(buffered, this.consumed, this.consumed + Handshakes.HEADER_LENGTH));
			int type = header.u8();
			int length = header.u24();
			checkMessage(type, length);
			int end = this.consumed + Handshakes.HEADER_LENGTH + length;
			if (buffered.length < end) {
				return null;
			}
			byte[] body = Arrays.copyOfRange(buffered, this.consumed + Handshakes.HEADER_LENGTH, end);
			this.consumed = end;
			ServerResponse response = message(type, body);
			if (response != null) {
				return response;
			}
		}
		return null;
	}

	/** The claimed length must fit in what may still be read, long before it is read. */
	private void checkMessage(int type, int length) throws MalformedMessageException {
		String what = (this.serverHello == null) ? "ServerHello" : "Handshake message";
		if (this.serverHello == null && type != Handshakes.SERVER_HELLO) {
			throw new MalformedMessageException("Expected a ServerHello, got handshake message type " + type);
		}
		if (this.serverHello == null && length == 0) {
			throw new MalformedMessageException("Empty ServerHello");
		}
		if (length > this.maxLength) {
			throw new MalformedMessageException(
					what + " of " + length + " bytes, more than the " + this.maxLength + " read at most");
		}
	}

	/**
	 * The ServerHello is the answer, unless the key exchange is wanted too; then the
	 * messages that may come before the ServerKeyExchange are passed over (RFC 5246 §7.3:
	 * Certificate, and CertificateStatus of RFC 6066 §8).
	 */
	private @Nullable ServerResponse message(int type, byte[] body) throws MalformedMessageException {
		ServerHelloReceived hello = this.serverHello;
		if (hello == null) {
			this.serverHelloBody.accept(body.clone());
			ServerResponse response = ServerHelloParser.parse(body);
			if ((this.throughKeyExchange || this.flight != null) && response instanceof ServerHelloReceived received
					&& received.version() < TlsVersion.TLS_1_3.code()) {
				this.serverHello = received;
				return null;
			}
			return response;
		}
		ServerFlight flight = this.flight;
		if (flight != null) {
			return flightMessage(flight, hello, type, body);
		}
		return switch (type) {
			case Handshakes.CERTIFICATE, Handshakes.CERTIFICATE_STATUS -> null;
			case Handshakes.SERVER_KEY_EXCHANGE -> new ServerHelloReceived(hello.version(), hello.cipherSuite(),
					ServerKeyExchangeParser.group(hello.cipherSuite(), body));
			// No key exchange parameters: the suite chosen needs none
			case Handshakes.CERTIFICATE_REQUEST, Handshakes.SERVER_HELLO_DONE -> hello;
			default ->
				throw new MalformedMessageException("Expected a ServerKeyExchange, got handshake message type " + type);
		};
	}

	/**
	 * RFC 5246 §7.3: Certificate, CertificateStatus (RFC 6066 §8), ServerKeyExchange,
	 * CertificateRequest, each optional and in this order, then ServerHelloDone.
	 */
	private @Nullable ServerResponse flightMessage(ServerFlight flight, ServerHelloReceived hello, int type,
			byte[] body) throws MalformedMessageException {
		return switch (type) {
			case Handshakes.CERTIFICATE -> {
				flight.certificate(body);
				yield null;
			}
			case Handshakes.CERTIFICATE_STATUS, Handshakes.SERVER_KEY_EXCHANGE -> null;
			case Handshakes.CERTIFICATE_REQUEST -> {
				flight.certificateRequest(hello.version(), body);
				yield null;
			}
			case Handshakes.SERVER_HELLO_DONE -> hello;
			default -> throw new MalformedMessageException("Unexpected handshake message type " + type);
		};
	}

	private ServerResponse endOfStream() throws MalformedMessageException {
		if (this.serverHello != null) {
			throw new MalformedMessageException("Connection closed before the ServerKeyExchange");
		}
		if (this.handshake.size() > 0) {
			throw new MalformedMessageException("Connection closed inside the ServerHello");
		}
		AlertReceived warning = this.lastWarning;
		return (warning != null) ? warning : new Closed(false);
	}

	/**
	 * The header of one record (RFC 8446 §5.1).
	 */
	private record RecordHeader(int contentType, int version, int length) {

	}

}
