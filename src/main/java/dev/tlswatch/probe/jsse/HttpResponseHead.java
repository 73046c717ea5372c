package dev.tlswatch.probe.jsse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The head of an HTTP/1.x response (RFC 9112 §2.1): the status line and the header fields
 * up to the empty line, read with a size bound; the body is never read.
 *
 * @param statusCode the status code
 * @param head the head as text (ISO-8859-1), without the empty line
 */
record HttpResponseHead(int statusCode, String head) {

	/** The most of a response head read: more is not an HTTP server we want to hear. */
	static final int MAX_HEAD_BYTES = 16 * 1024;

	/**
	 * Read a response head.
	 * @param in the stream, with a read timeout and a watchdog on its socket
	 * @return the head
	 * @throws NotHttpException if the bytes are not an HTTP/1.x response head or exceed
	 * the bound
	 * @throws IOException if reading fails or times out
	 */
	static HttpResponseHead read(InputStream in) throws IOException {
		byte[] buffer = new byte[MAX_HEAD_BYTES];
		int length = 0;
		while (true) {
			int next = in.read();
			if (next < 0) {
				throw new NotHttpException((length == 0) ? "The server closed the connection without an answer"
						: "The server closed the connection within the response head");
			}
			if (length == MAX_HEAD_BYTES) {
				throw new NotHttpException("The response head exceeds " + MAX_HEAD_BYTES + " bytes");
			}
			buffer[length++] = (byte) next;
			if (endsHead(buffer, length)) {
				return parse(new String(buffer, 0, length, StandardCharsets.ISO_8859_1).stripTrailing());
			}
		}
	}

	/** The head of a response given as text, for tests and for {@link #read}. */
	static HttpResponseHead parse(String head) throws NotHttpException {
		int lineEnd = head.indexOf('\n');
		String statusLine = ((lineEnd < 0) ? head : head.substring(0, lineEnd)).strip();
		// HTTP-version SP 3DIGIT SP [reason-phrase]
		if (!statusLine.matches("HTTP/1\\.[0-9] [0-9]{3}( .*)?")) {
			throw new NotHttpException("The answer is not an HTTP/1.x response: \"" + printable(statusLine) + "\"");
		}
		return new HttpResponseHead(Integer.parseInt(statusLine.substring(9, 12)), head);
	}

	/**
	 * The value of the first header field of that name (RFC 6797 §8.1: only the first
	 * Strict-Transport-Security counts), trimmed.
	 * @param name the field name, any case
	 * @return the value, {@code null} when absent
	 */
	@Nullable String firstValue(String name) {
		String wanted = name.toLowerCase(Locale.ROOT) + ":";
		String[] lines = this.head.split("\r?\n");
		for (int i = 1; i < lines.length; i++) {
			if (lines[i].toLowerCase(Locale.ROOT).startsWith(wanted)) {
				return lines[i].substring(wanted.length()).strip();
			}
		}
		return null;
	}

	private static boolean endsHead(byte[] buffer, int length) {
		return (length >= 4 && buffer[length - 4] == '\r' && buffer[length - 3] == '\n' && buffer[length - 2] == '\r'
				&& buffer[length - 1] == '\n')
				|| (length >= 2 && buffer[length - 2] == '\n' && buffer[length - 1] == '\n');
	}

	private static String printable(String text) {
		String shown = (text.length() > 60) ? text.substring(0, 60) + "…" : text;
		return shown.replaceAll("[^\\x20-\\x7e…]", "?");
	}

	/**
	 * The answer is not an HTTP/1.x response head within the bound.
	 */
	static final class NotHttpException extends IOException {

		NotHttpException(String message) {
			super(message);
		}

	}

}
