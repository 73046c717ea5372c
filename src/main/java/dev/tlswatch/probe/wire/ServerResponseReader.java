package dev.tlswatch.probe.wire;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.Arrays;
import java.util.function.Consumer;

import dev.tlswatch.probe.wire.ServerResponse.AlertReceived;
import dev.tlswatch.probe.wire.ServerResponse.Closed;
import dev.tlswatch.probe.wire.ServerResponse.Malformed;
import dev.tlswatch.probe.wire.ServerResponse.TimedOut;
import org.jspecify.annotations.Nullable;

/**
 * Reads the server's first answer to a ClientHello: records until a whole ServerHello or
 * an alert has arrived (a handshake message may span records, RFC 8446 §5.1). It reads at
 * most {@value #MAX_RESPONSE_LENGTH} bytes, checks every length against that and against
 * the protocol's maximum before reading, and allocates only for bytes that arrived. What
 * is not TLS, is cut off or breaks a rule is {@link Malformed}, never a guess.
 */
final class ServerResponseReader {

	/** The most bytes read from a server; a ServerHello is a small fraction of it. */
	static final int MAX_RESPONSE_LENGTH = 64 * 1024;

	/**
	 * Warning alerts passed over on the way to the ServerHello: a server may warn that it
	 * does not know the SNI name and carry on (RFC 6066 §3).
	 */
	static final int MAX_WARNING_ALERTS = 4;

	private static final int UNKNOWN = -1;

	private final InputStream input;

	private final Consumer<byte[]> serverHelloBody;

	private final ByteArrayOutputStream handshake = new ByteArrayOutputStream();

	private int received;

	private int warnings;

	private @Nullable AlertReceived lastWarning;

	private int serverHelloLength = UNKNOWN;

	private ServerResponseReader(InputStream input, Consumer<byte[]> serverHelloBody) {
		this.input = input;
		this.serverHelloBody = serverHelloBody;
	}

	/**
	 * Read the answer.
	 * @param input the connection's input, with its time bound
	 * @return the answer; a timeout, reset or close is an answer too
	 * @throws IOException on other local failures to read
	 */
	static ServerResponse read(InputStream input) throws IOException {
		return read(input, (body) -> {
		});
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
		try {
			return new ServerResponseReader(input, serverHelloBody).answer();
		}
		catch (SocketTimeoutException ex) {
			return new TimedOut();
		}
		catch (SocketException ex) {
			// "Connection reset" and the like: the server dropped the connection
			return new Closed(true);
		}
		catch (MalformedMessageException ex) {
			return new Malformed(String.valueOf(ex.getMessage()));
		}
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
		if (length > MAX_RESPONSE_LENGTH - this.received) {
			throw new MalformedMessageException("No ServerHello within " + MAX_RESPONSE_LENGTH + " bytes");
		}
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
	 * Collects handshake fragments until the first message is whole; it must be a
	 * ServerHello. Its header is checked once, as soon as it is complete.
	 */
	private @Nullable ServerResponse handshake(byte[] fragment) throws MalformedMessageException {
		this.handshake.writeBytes(fragment);
		if (this.serverHelloLength == UNKNOWN) {
			if (this.handshake.size() < Handshakes.HEADER_LENGTH) {
				return null;
			}
			this.serverHelloLength = serverHelloLength(new TlsReader(this.handshake.toByteArray()));
		}
		if (this.handshake.size() < Handshakes.HEADER_LENGTH + this.serverHelloLength) {
			return null;
		}
		byte[] buffered = this.handshake.toByteArray();
		byte[] body = Arrays.copyOfRange(buffered, Handshakes.HEADER_LENGTH,
				Handshakes.HEADER_LENGTH + this.serverHelloLength);
		this.serverHelloBody.accept(body.clone());
		return ServerHelloParser.parse(body);
	}

	/** The claimed length must fit in what may still be read, long before it is read. */
	private static int serverHelloLength(TlsReader header) throws MalformedMessageException {
		int type = header.u8();
		int length = header.u24();
		if (type != Handshakes.SERVER_HELLO) {
			throw new MalformedMessageException("Expected a ServerHello, got handshake message type " + type);
		}
		if (length == 0) {
			throw new MalformedMessageException("Empty ServerHello");
		}
		if (length > MAX_RESPONSE_LENGTH) {
			throw new MalformedMessageException(
					"ServerHello of " + length + " bytes, more than the " + MAX_RESPONSE_LENGTH + " read at most");
		}
		return length;
	}

	private ServerResponse endOfStream() throws MalformedMessageException {
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
