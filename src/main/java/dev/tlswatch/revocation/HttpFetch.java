package dev.tlswatch.revocation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.tlswatch.probe.Deadline;
import org.jspecify.annotations.Nullable;

/**
 * A small HTTP/1.1 client (RFC 9112) for OCSP requests and CRL downloads, made to be safe
 * against what a certificate may name: {@code http} URLs only, the host resolved within
 * the connect timeout and every address judged by the {@link AddressGuard} right before
 * the connection, the connection made to that very address (no second lookup), no
 * redirect followed, the response head and body bounded in size and the whole exchange in
 * time, however slowly the peer sends.
 */
final class HttpFetch {

	/** The largest response head read. */
	static final int MAX_HEAD_BYTES = 16 * 1024;

	// RFC 9112 §7.1: a chunk size line is hex digits plus extensions; bound it
	private static final int MAX_CHUNK_LINE = 1024;

	private static final int HTTP_PORT = 80;

	private final AddressGuard guard;

	private final RevocationLimits limits;

	HttpFetch(AddressGuard guard, RevocationLimits limits) {
		this.guard = guard;
		this.limits = limits;
	}

	/**
	 * GET a resource.
	 * @param url the {@code http} URL
	 * @param maxBytes the largest body accepted
	 * @return the body of a 200 response
	 * @throws FetchException with the reason when there is none
	 */
	byte[] get(URI url, long maxBytes) throws FetchException {
		return exchange(url, "GET", null, null, maxBytes);
	}

	/**
	 * POST a body.
	 * @param url the {@code http} URL
	 * @param contentType the body's media type
	 * @param body the body
	 * @param maxBytes the largest response body accepted
	 * @return the body of a 200 response
	 * @throws FetchException with the reason when there is none
	 */
	byte[] post(URI url, String contentType, byte[] body, long maxBytes) throws FetchException {
		return exchange(url, "POST", contentType, body, maxBytes);
	}

	private byte[] exchange(URI url, String method, @Nullable String contentType, byte @Nullable [] body, long maxBytes)
			throws FetchException {
		String host = checkUrl(url);
		InetAddress address = allowedAddress(host);
		int port = (url.getPort() > 0) ? url.getPort() : HTTP_PORT;
		Deadline deadline = Deadline.after(this.limits.readTimeout());
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(address, port), Deadline.socketMillis(this.limits.connectTimeout()));
			writeRequest(socket.getOutputStream(), url, method, contentType, body);
			InputStream in = deadline.input(socket, "HTTP");
			Head head = readHead(in);
			return readBody(in, head, maxBytes);
		}
		catch (SocketTimeoutException ex) {
			throw new FetchException("timed out after " + this.limits.readTimeout().toMillis() + " ms (" + url + ")",
					ex);
		}
		catch (IOException ex) {
			throw new FetchException("connection failed (" + url + "): " + ex.getMessage(), ex);
		}
	}

	private static String checkUrl(URI url) throws FetchException {
		if (url.getScheme() == null || !"http".equals(url.getScheme().toLowerCase(Locale.ROOT))) {
			throw new FetchException("not an http URL: " + url);
		}
		if (url.getHost() == null || url.getRawUserInfo() != null) {
			throw new FetchException("not a usable http URL: " + url);
		}
		return url.getHost();
	}

	/**
	 * Resolve within the connect timeout and return the first address the guard allows.
	 */
	private InetAddress allowedAddress(String host) throws FetchException {
		InetAddress[] addresses = resolve(host);
		String reason = null;
		for (InetAddress address : addresses) {
			String denied = this.guard.denied(address);
			if (denied == null) {
				return address;
			}
			reason = (reason != null) ? reason : address.getHostAddress() + ": " + denied;
		}
		throw new FetchException("forbidden address (" + host + " " + reason + ")");
	}

	private InetAddress[] resolve(String host) throws FetchException {
		try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
			Future<InetAddress[]> lookup = executor.submit(() -> InetAddress.getAllByName(host));
			try {
				return lookup.get(this.limits.connectTimeout().toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (TimeoutException ex) {
				lookup.cancel(true);
				throw new FetchException("timed out resolving " + host, ex);
			}
			catch (ExecutionException ex) {
				throw new FetchException(
						((ex.getCause() instanceof UnknownHostException) ? "unknown host " : "lookup failed for ")
								+ host,
						ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new FetchException("interrupted resolving " + host, ex);
			}
		}
	}

	private static void writeRequest(OutputStream out, URI url, String method, @Nullable String contentType,
			byte @Nullable [] body) throws IOException {
		String path = (url.getRawPath() == null || url.getRawPath().isEmpty()) ? "/" : url.getRawPath();
		if (url.getRawQuery() != null) {
			path += "?" + url.getRawQuery();
		}
		String hostHeader = url.getHost() + ((url.getPort() > 0) ? ":" + url.getPort() : "");
		StringBuilder request = new StringBuilder();
		request.append(method).append(' ').append(path).append(" HTTP/1.1\r\n");
		request.append("Host: ").append(hostHeader).append("\r\n");
		request.append("User-Agent: TLSWatch\r\n");
		request.append("Accept: */*\r\n");
		request.append("Connection: close\r\n");
		if (body != null) {
			request.append("Content-Type: ").append(contentType).append("\r\n");
			request.append("Content-Length: ").append(body.length).append("\r\n");
		}
		request.append("\r\n");
		out.write(request.toString().getBytes(StandardCharsets.US_ASCII));
		if (body != null) {
			out.write(body);
		}
		out.flush();
	}

	/** The status line and the header fields, up to the empty line. */
	private static Head readHead(InputStream in) throws IOException, FetchException {
		ByteArrayOutputStream head = new ByteArrayOutputStream();
		int matched = 0;
		while (matched < 4) {
			int b = in.read();
			if (b < 0) {
				throw new FetchException("the server closed the connection before the response head ended");
			}
			head.write(b);
			if (head.size() > MAX_HEAD_BYTES) {
				throw new FetchException("response head larger than " + MAX_HEAD_BYTES + " bytes");
			}
			matched = (b == (((matched % 2) == 0) ? '\r' : '\n')) ? matched + 1 : ((b == '\r') ? 1 : 0);
		}
		return Head.parse(head.toString(StandardCharsets.ISO_8859_1));
	}

	private static byte[] readBody(InputStream in, Head head, long maxBytes) throws IOException, FetchException {
		if (head.status() >= 300 && head.status() < 400) {
			throw new FetchException("HTTP " + head.status() + ": redirect not followed"
					+ ((head.location() != null) ? " (to " + printable(head.location()) + ")" : ""));
		}
		if (head.status() != 200) {
			throw new FetchException("HTTP " + head.status());
		}
		if (head.chunked()) {
			return readChunked(in, maxBytes);
		}
		if (head.contentLength() != null) {
			long length = head.contentLength();
			if (length > maxBytes) {
				throw new FetchException("too large: " + length + " bytes, the limit is " + maxBytes);
			}
			return readExactly(in, (int) length);
		}
		return readToEnd(in, maxBytes);
	}

	private static byte[] readExactly(InputStream in, int length) throws IOException, FetchException {
		byte[] body = in.readNBytes(length);
		if (body.length < length) {
			throw new FetchException("the body ended after " + body.length + " of " + length + " bytes");
		}
		return body;
	}

	private static byte[] readToEnd(InputStream in, long maxBytes) throws IOException, FetchException {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		byte[] buffer = new byte[8192];
		int read;
		while ((read = in.read(buffer, 0, buffer.length)) >= 0) {
			body.write(buffer, 0, read);
			if (body.size() > maxBytes) {
				throw new FetchException("too large: more than " + maxBytes + " bytes");
			}
		}
		return body.toByteArray();
	}

	// RFC 9112 §7.1: chunk-size [extensions] CRLF data CRLF ... 0 CRLF [trailers] CRLF
	private static byte[] readChunked(InputStream in, long maxBytes) throws IOException, FetchException {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		while (true) {
			String line = readLine(in);
			String size = line.split(";", 2)[0].trim();
			long length;
			try {
				length = Long.parseLong(size, 16);
			}
			catch (NumberFormatException ex) {
				throw new FetchException("malformed chunk size \"" + printable(size) + "\"", ex);
			}
			if (length < 0 || body.size() + length > maxBytes) {
				throw new FetchException("too large: more than " + maxBytes + " bytes");
			}
			if (length == 0) {
				return body.toByteArray();
			}
			body.write(readExactly(in, (int) length));
			readLine(in);
		}
	}

	private static String readLine(InputStream in) throws IOException, FetchException {
		StringBuilder line = new StringBuilder();
		int b;
		while ((b = in.read()) != '\n') {
			if (b < 0 || line.length() > MAX_CHUNK_LINE) {
				throw new FetchException("malformed chunked body");
			}
			if (b != '\r') {
				line.append((char) b);
			}
		}
		return line.toString();
	}

	static String printable(String text) {
		String bounded = (text.length() > 200) ? text.substring(0, 200) + "..." : text;
		return bounded.replaceAll("[^\\x20-\\x7e]", "?");
	}

	/**
	 * The status and the header fields that matter here.
	 */
	private record Head(int status, @Nullable Long contentLength, boolean chunked, @Nullable String location) {

		static Head parse(String head) throws FetchException {
			String[] lines = head.split("\r\n");
			String statusLine = lines[0];
			if (!statusLine.matches("HTTP/1\\.[01] [0-9]{3}( .*)?")) {
				throw new FetchException("not an HTTP/1.x response: \"" + printable(statusLine) + "\"");
			}
			int status = Integer.parseInt(statusLine.substring(9, 12));
			Long contentLength = null;
			boolean chunked = false;
			String location = null;
			for (int i = 1; i < lines.length; i++) {
				int colon = lines[i].indexOf(':');
				if (colon <= 0) {
					continue;
				}
				String name = lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
				String value = lines[i].substring(colon + 1).trim();
				switch (name) {
					case "content-length" -> contentLength = contentLength(value);
					case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
					case "location" -> location = value;
					default -> {
						// Other fields do not matter to a download
					}
				}
			}
			return new Head(status, chunked ? null : contentLength, chunked, location);
		}

		private static long contentLength(String value) throws FetchException {
			if (!value.matches("[0-9]{1,18}")) {
				throw new FetchException("malformed Content-Length \"" + printable(value) + "\"");
			}
			return Long.parseLong(value);
		}

	}

}
