package dev.tlswatch.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

import dev.tlswatch.support.TestTlsServer.ServerHandshake;

/**
 * A scripted plaintext server on 127.0.0.1 with an ephemeral port: each connection runs a
 * {@link Script} that speaks a protocol's upgrade dialogue and, when it agrees, upgrades
 * the same socket to TLS on the server side, presenting a given certificate and its chain
 * without the root. The factories speak each protocol's real dialogue up to the upgrade;
 * tests script refusals and misbehaviour with
 * {@link #start(TestCertificates.Issued, Script)}.
 *
 * <pre class="code">
 * try (StartTlsTestServer server = StartTlsTestServer.smtp(leaf)) {
 *     ... probe server.address(), server.port() with StartTls.SMTP ...
 *     assertThat(server.received()).containsExactly("EHLO tlswatch.invalid", "STARTTLS");
 *     assertThat(server.awaitHandshake().completed()).isTrue();
 * }
 * </pre>
 */
public final class StartTlsTestServer implements AutoCloseable {

	// Generous: the server only has to be bounded, not strict
	private static final int MAX_READ = 1024 * 1024;

	private static final HexFormat HEX = HexFormat.of();

	/** ExtendedResponse, messageID 1, resultCode success, empty matchedDN and text. */
	private static final String LDAP_SUCCESS = "300c020101" + "7807" + "0a0100" + "0400" + "0400";

	private final SSLContext context;

	private final SSLSocketFactory socketFactory;

	private final Script script;

	private final List<String> received = new CopyOnWriteArrayList<>();

	private final BlockingQueue<ServerHandshake> handshakes = new LinkedBlockingQueue<>();

	private final TestTcpServer tcp;

	private StartTlsTestServer(TestCertificates.Issued issued, Script script) {
		this.context = TestTlsServer.serverContext(issued.key(), issued.chainWithoutRoot());
		this.socketFactory = this.context.getSocketFactory();
		this.script = script;
		this.tcp = TestTcpServer.start((socket) -> this.script.speak(new Peer(socket)));
	}

	/**
	 * Start a server running a script on each connection.
	 * @param issued the certificate, key and chain to present after the upgrade
	 * @param script the dialogue
	 * @return the running server
	 */
	public static StartTlsTestServer start(TestCertificates.Issued issued, Script script) {
		return new StartTlsTestServer(issued, script);
	}

	/**
	 * An SMTP server (RFC 3207): multi-line 220 greeting, EHLO answered with STARTTLS
	 * among the extensions, STARTTLS answered with 220.
	 * @param issued what to present after the upgrade
	 * @return the running server
	 */
	public static StartTlsTestServer smtp(TestCertificates.Issued issued) {
		return start(issued, (peer) -> {
			peer.sendLines("220-mail.localhost ESMTP test server", "220 ready");
			peer.expectLine("EHLO ");
			peer.sendLines("250-mail.localhost greets you", "250-PIPELINING", "250-SIZE 10240000", "250-STARTTLS",
					"250 8BITMIME");
			peer.expectLine("STARTTLS");
			peer.sendLines("220 2.0.0 Ready to start TLS");
			peer.startTls();
		});
	}

	/**
	 * An IMAP server (RFC 9051): {@code * OK} greeting, an untagged CAPABILITY before the
	 * tagged OK to STARTTLS.
	 * @param issued what to present after the upgrade
	 * @return the running server
	 */
	public static StartTlsTestServer imap(TestCertificates.Issued issued) {
		return start(issued, (peer) -> {
			peer.sendLines("* OK [CAPABILITY IMAP4rev1 STARTTLS LOGINDISABLED] test server ready");
			String tag = peer.expectLine("").split(" ", 2)[0];
			peer.sendLines("* CAPABILITY IMAP4rev1 STARTTLS", tag + " OK Begin TLS negotiation now");
			peer.startTls();
		});
	}

	/**
	 * A POP3 server (RFC 2595): {@code +OK} greeting, {@code STLS} answered with
	 * {@code +OK}.
	 * @param issued what to present after the upgrade
	 * @return the running server
	 */
	public static StartTlsTestServer pop3(TestCertificates.Issued issued) {
		return start(issued, (peer) -> {
			peer.sendLines("+OK POP3 test server ready");
			peer.expectLine("STLS");
			peer.sendLines("+OK Begin TLS negotiation");
			peer.startTls();
		});
	}

	/**
	 * An FTP server (RFC 4217): multi-line 220 greeting whose inner line does not repeat
	 * the code, {@code AUTH TLS} answered with 234.
	 * @param issued what to present after the upgrade
	 * @return the running server
	 */
	public static StartTlsTestServer ftp(TestCertificates.Issued issued) {
		return start(issued, (peer) -> {
			peer.sendLines("220-Welcome to the test FTP server", "   please be nice", "220 ready");
			peer.expectLine("AUTH TLS");
			peer.sendLines("234 AUTH TLS successful");
			peer.startTls();
		});
	}

	/**
	 * An LDAP server (RFC 4511 §4.14): reads one LDAPMessage and answers with a
	 * successful ExtendedResponse in the short BER length form.
	 * @param issued what to present after the upgrade
	 * @return the running server
	 */
	public static StartTlsTestServer ldap(TestCertificates.Issued issued) {
		return ldap(issued, LDAP_SUCCESS);
	}

	/**
	 * An LDAP server that reads one LDAPMessage in the short BER length form, answers
	 * with the given bytes and upgrades.
	 * @param issued what to present after the upgrade
	 * @param responseHex the answer, in hex
	 * @return the running server
	 */
	public static StartTlsTestServer ldap(TestCertificates.Issued issued, String responseHex) {
		return start(issued, (peer) -> {
			peer.readLdapMessage();
			peer.send(HEX.parseHex(responseHex));
			peer.startTls();
		});
	}

	/**
	 * An XMPP server (RFC 6120 §5): answers the stream header with its own and features
	 * that offer STARTTLS, answers {@code <starttls/>} with {@code <proceed/>}.
	 * @param issued what to present after the upgrade
	 * @return the running server
	 */
	public static StartTlsTestServer xmpp(TestCertificates.Issued issued) {
		return start(issued, (peer) -> {
			peer.readStreamHeader();
			peer.send(xmppStreamHeader() + "<stream:features><starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'>"
					+ "<required/></starttls><mechanisms xmlns='urn:ietf:params:xml:ns:xmpp-sasl'>"
					+ "<mechanism>PLAIN</mechanism></mechanisms></stream:features>");
			peer.expectUntil("/>");
			peer.send("<proceed xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>");
			peer.startTls();
		});
	}

	/**
	 * A PostgreSQL server: reads the 8-byte SSLRequest and answers {@code S}.
	 * @param issued what to present after the upgrade
	 * @return the running server
	 */
	public static StartTlsTestServer postgres(TestCertificates.Issued issued) {
		return start(issued, (peer) -> {
			peer.readBytes(8);
			peer.send("S");
			peer.startTls();
		});
	}

	/**
	 * A MySQL server: an Initial Handshake (protocol 10) offering CLIENT_SSL, then reads
	 * the 36-byte SSLRequest packet.
	 * @param issued what to present after the upgrade
	 * @return the running server
	 */
	public static StartTlsTestServer mysql(TestCertificates.Issued issued) {
		return start(issued, (peer) -> {
			peer.send(mysqlHandshake(0xffff));
			peer.readBytes(36);
			peer.startTls();
		});
	}

	/**
	 * A MySQL Initial Handshake packet (sequence id 0) with the given lower capability
	 * flags.
	 * @param capabilities the lower two bytes of the capability flags
	 * @return the packet
	 */
	public static byte[] mysqlHandshake(int capabilities) {
		ByteArrayOutputStream payload = new ByteArrayOutputStream();
		payload.write(10);
		payload.writeBytes("8.4.0-test".getBytes(StandardCharsets.US_ASCII));
		payload.write(0);
		payload.writeBytes(new byte[] { 1, 0, 0, 0 });
		payload.writeBytes("abcdefgh".getBytes(StandardCharsets.US_ASCII));
		payload.write(0);
		payload.write(capabilities & 0xff);
		payload.write(capabilities >>> 8);
		// character set, status flags, upper capabilities, auth data length, reserved
		payload
			.writeBytes(new byte[] { (byte) 0xff, 2, 0, (byte) 0xff, (byte) 0xdf, 21, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 });
		payload.writeBytes("ijklmnopqrst".getBytes(StandardCharsets.US_ASCII));
		payload.write(0);
		payload.writeBytes("caching_sha2_password".getBytes(StandardCharsets.US_ASCII));
		payload.write(0);
		byte[] body = payload.toByteArray();
		byte[] packet = new byte[body.length + 4];
		packet[0] = (byte) body.length;
		packet[1] = (byte) (body.length >>> 8);
		packet[2] = (byte) (body.length >>> 16);
		packet[3] = 0;
		System.arraycopy(body, 0, packet, 4, body.length);
		return packet;
	}

	/**
	 * An NNTP server: 200 greeting, {@code STARTTLS} → 382.
	 * @param issued what to present after the upgrade
	 * @return the running server
	 */
	public static StartTlsTestServer nntp(TestCertificates.Issued issued) {
		return start(issued, (peer) -> {
			peer.sendLines("200 news.example.test InterNetNews server ready (posting ok)");
			peer.expectLine("STARTTLS");
			peer.sendLines("382 Continue with TLS negotiation");
			peer.startTls();
		});
	}

	/**
	 * A ManageSieve server: capability greeting with STARTTLS, {@code STARTTLS} → OK.
	 * @param issued what to present after the upgrade
	 * @return the running server
	 */
	public static StartTlsTestServer sieve(TestCertificates.Issued issued) {
		return start(issued, (peer) -> {
			peer.sendLines("\"IMPLEMENTATION\" \"Test Sieve\"", "\"SIEVE\" \"fileinto vacation\"", "\"SASL\" \"\"",
					"\"STARTTLS\"", "\"VERSION\" \"1.0\"", "OK \"Ready.\"");
			peer.expectLine("STARTTLS");
			peer.sendLines("OK \"Begin TLS negotiation now.\"");
			peer.startTls();
		});
	}

	/**
	 * An LMTP server: 220 greeting, {@code LHLO} → 250 with STARTTLS, {@code STARTTLS} →
	 * 220.
	 * @param issued what to present after the upgrade
	 * @return the running server
	 */
	public static StartTlsTestServer lmtp(TestCertificates.Issued issued) {
		return start(issued, (peer) -> {
			peer.sendLines("220 localhost LMTP ready");
			peer.expectLine("LHLO ");
			peer.sendLines("250-localhost", "250-PIPELINING", "250-STARTTLS", "250 ENHANCEDSTATUSCODES");
			peer.expectLine("STARTTLS");
			peer.sendLines("220 2.0.0 Begin TLS");
			peer.startTls();
		});
	}

	/**
	 * An IRC server: notices first, then {@code STARTTLS} → 670.
	 * @param issued what to present after the upgrade
	 * @return the running server
	 */
	public static StartTlsTestServer irc(TestCertificates.Issued issued) {
		return start(issued, (peer) -> {
			peer.sendLines(":irc.example.test NOTICE * :*** Looking up your hostname...",
					":irc.example.test NOTICE * :*** Found your hostname");
			peer.expectLine("STARTTLS");
			peer.sendLines(":irc.example.test 670 * :STARTTLS successful, go ahead with TLS handshake");
			peer.startTls();
		});
	}

	/**
	 * A Microsoft SQL Server (MS-TDS): reads the client's PRELOGIN packet (noted in hex),
	 * answers with PRELOGIN options that say ENCRYPT_ON, then runs the TLS 1.2 handshake
	 * inside TDS PRELOGIN packets ({@link Peer#startTlsInTds()}).
	 * @param issued what to present after the upgrade
	 * @return the running server
	 */
	public static StartTlsTestServer mssql(TestCertificates.Issued issued) {
		return start(issued, (peer) -> {
			peer.readTdsPacket();
			peer.send(mssqlPrelogin(0x01));
			peer.startTlsInTds();
		});
	}

	/**
	 * A server's PRELOGIN answer: a tabular result packet (0x04) with the options VERSION
	 * (16.0.1000) and ENCRYPTION.
	 * @param encryption the ENCRYPTION value: 0 off, 1 on, 2 not supported, 3 required
	 * @return the packet
	 */
	public static byte[] mssqlPrelogin(int encryption) {
		// Option table: VERSION at 11, 6 bytes; ENCRYPTION at 17, 1 byte; terminator
		String options = "00" + "000b" + "0006" + "01" + "0011" + "0001" + "ff";
		String data = "10" + "00" + "03e8" + "0000" + "%02x".formatted(encryption);
		byte[] payload = HEX.parseHex(options + data);
		byte[] packet = new byte[8 + payload.length];
		packet[0] = 0x04;
		packet[1] = 0x01;
		packet[3] = (byte) packet.length;
		packet[6] = 1;
		System.arraycopy(payload, 0, packet, 8, payload.length);
		return packet;
	}

	/**
	 * The stream header an XMPP server answers with.
	 * @return the header
	 */
	public static String xmppStreamHeader() {
		return "<?xml version='1.0'?><stream:stream from='localhost' id='t1' version='1.0' xml:lang='en'"
				+ " xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams'>";
	}

	/**
	 * The address the server listens on.
	 * @return 127.0.0.1
	 */
	public InetAddress address() {
		return this.tcp.address();
	}

	/**
	 * The port the server listens on.
	 * @return the ephemeral port
	 */
	public int port() {
		return this.tcp.port();
	}

	/**
	 * What clients sent in plaintext, in order: lines without their line end, XML up to a
	 * marker, or bytes in lower-case hex.
	 * @return what was read so far
	 */
	public List<String> received() {
		return List.copyOf(this.received);
	}

	/**
	 * The next TLS handshake after an upgrade, successful or not, waiting up to ten
	 * seconds.
	 * @return what the server saw
	 */
	public ServerHandshake awaitHandshake() {
		return TestTlsServer.next(this.handshakes, "No handshake after STARTTLS within " + TestTlsServer.AWAIT_TIMEOUT);
	}

	@Override
	public void close() {
		this.tcp.close();
	}

	/**
	 * What the server says and does on one connection.
	 */
	@FunctionalInterface
	public interface Script {

		/**
		 * Speak with one client; the connection is closed afterwards.
		 * @param peer the client's side of the dialogue
		 * @throws Exception anything; it ends the connection
		 */
		void speak(Peer peer) throws Exception;

	}

	/**
	 * The plaintext connection to one client. Reads one byte at a time, so that the
	 * client's ClientHello stays in the socket for the TLS layer.
	 */
	public final class Peer {

		private final Socket socket;

		private final InputStream input;

		private final OutputStream output;

		private Peer(Socket socket) throws IOException {
			this.socket = socket;
			this.input = socket.getInputStream();
			this.output = socket.getOutputStream();
		}

		/**
		 * Send lines, each followed by CRLF, in one write.
		 * @param lines the lines
		 * @throws IOException if the client went away
		 */
		public void sendLines(String... lines) throws IOException {
			StringBuilder text = new StringBuilder();
			for (String line : lines) {
				text.append(line).append("\r\n");
			}
			send(text.toString());
		}

		/**
		 * Send text as UTF-8, as it is.
		 * @param text the text
		 * @throws IOException if the client went away
		 */
		public void send(String text) throws IOException {
			send(text.getBytes(StandardCharsets.UTF_8));
		}

		/**
		 * Send bytes.
		 * @param bytes the bytes
		 * @throws IOException if the client went away
		 */
		public void send(byte[] bytes) throws IOException {
			this.output.write(bytes);
			this.output.flush();
		}

		/**
		 * Read one line and note it.
		 * @return the line without CRLF
		 * @throws IOException if the client went away before the line end
		 */
		public String readLine() throws IOException {
			ByteArrayOutputStream line = new ByteArrayOutputStream();
			for (int next = read(); next != '\n'; next = read()) {
				bounded(line).write(next);
			}
			String text = line.toString(StandardCharsets.UTF_8);
			text = text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
			this.noted(text);
			return text;
		}

		/**
		 * Read one line that starts as expected.
		 * @param prefix how the line must start
		 * @return the line
		 * @throws IOException if the client went away or sent something else
		 */
		public String expectLine(String prefix) throws IOException {
			String line = readLine();
			if (!line.startsWith(prefix)) {
				throw new IOException("Expected a line starting with '" + prefix + "' but got '" + line + "'");
			}
			return line;
		}

		/**
		 * Read until the text received ends with a marker, and note it.
		 * @param marker the marker
		 * @return the text, marker included
		 * @throws IOException if the client went away first
		 */
		public String expectUntil(String marker) throws IOException {
			ByteArrayOutputStream text = new ByteArrayOutputStream();
			while (!text.toString(StandardCharsets.UTF_8).endsWith(marker)) {
				bounded(text).write(read());
			}
			String received = text.toString(StandardCharsets.UTF_8);
			this.noted(received);
			return received;
		}

		/**
		 * Read an XMPP client's stream header: the XML declaration and the opening
		 * {@code <stream:stream ...>} tag.
		 * @return the header
		 * @throws IOException if the client went away first
		 */
		public String readStreamHeader() throws IOException {
			return expectUntil("version='1.0'>");
		}

		/**
		 * Read bytes and note them in hex.
		 * @param count how many
		 * @return the bytes
		 * @throws IOException if the client went away first
		 */
		public byte[] readBytes(int count) throws IOException {
			byte[] bytes = new byte[count];
			for (int i = 0; i < count; i++) {
				bytes[i] = (byte) read();
			}
			this.noted(HEX.formatHex(bytes));
			return bytes;
		}

		/**
		 * Read one LDAPMessage in the short BER length form and note it in hex.
		 * @return the message
		 * @throws IOException if the client went away first
		 */
		public byte[] readLdapMessage() throws IOException {
			int tag = read();
			int length = read();
			if (length > 0x7f) {
				throw new IOException("Test server reads short BER lengths only, got " + length);
			}
			byte[] message = new byte[2 + length];
			message[0] = (byte) tag;
			message[1] = (byte) length;
			for (int i = 0; i < length; i++) {
				message[2 + i] = (byte) read();
			}
			this.noted(HEX.formatHex(message));
			return message;
		}

		/**
		 * Upgrade this connection to TLS as the server and record the handshake.
		 * @throws Exception if the handshake fails
		 */
		public void startTls() throws Exception {
			SSLSocket ssl = (SSLSocket) StartTlsTestServer.this.socketFactory.createSocket(this.socket, null, true);
			ssl.setUseClientMode(false);
			try (ssl) {
				ssl.startHandshake();
				StartTlsTestServer.this.handshakes.add(ServerHandshake.completed(ssl.getSession()));
			}
			catch (Exception ex) {
				StartTlsTestServer.this.handshakes.add(ServerHandshake.failed(ex));
				throw ex;
			}
		}

		/**
		 * Read one TDS packet (8-byte header, then the rest of its length) and note it in
		 * hex.
		 * @return the packet
		 * @throws IOException if the client went away first
		 */
		public byte[] readTdsPacket() throws IOException {
			byte[] header = new byte[8];
			for (int i = 0; i < header.length; i++) {
				header[i] = (byte) read();
			}
			int length = ((header[2] & 0xff) << 8) | (header[3] & 0xff);
			if (length < 8 || length > 32_768) {
				throw new IOException("Not a TDS packet: " + HEX.formatHex(header));
			}
			byte[] packet = Arrays.copyOf(header, length);
			for (int i = header.length; i < length; i++) {
				packet[i] = (byte) read();
			}
			this.noted(HEX.formatHex(packet));
			return packet;
		}

		/**
		 * Run the server side of a TLS 1.2 handshake carried inside TDS PRELOGIN packets
		 * (type 0x12), as SQL Server does; note the first byte the client sends after the
		 * handshake as {@code "after handshake: xx"} (bare TLS starts with a record type
		 * such as 15, an alert), then record the handshake.
		 * @throws Exception if the handshake fails
		 */
		public void startTlsInTds() throws Exception {
			SSLEngine engine = StartTlsTestServer.this.context.createSSLEngine();
			engine.setUseClientMode(false);
			engine.setEnabledProtocols(new String[] { "TLSv1.2" });
			try {
				handshakeInTds(engine);
			}
			catch (Exception ex) {
				StartTlsTestServer.this.handshakes.add(ServerHandshake.failed(ex));
				throw ex;
			}
			// Noted before the handshake is recorded, so a test that awaited the
			// handshake sees it
			int next = this.input.read();
			this.noted("after handshake: " + ((next < 0) ? "closed" : "%02x".formatted(next)));
			StartTlsTestServer.this.handshakes.add(ServerHandshake.completed(engine.getSession()));
		}

		private void handshakeInTds(SSLEngine engine) throws IOException {
			int size = engine.getSession().getPacketBufferSize();
			ByteBuffer fromClient = ByteBuffer.allocate(4 * size);
			ByteBuffer toClient = ByteBuffer.allocate(4 * size);
			ByteBuffer application = ByteBuffer.allocate(engine.getSession().getApplicationBufferSize());
			engine.beginHandshake();
			for (int steps = 0; steps < 1000; steps++) {
				switch (engine.getHandshakeStatus()) {
					case NEED_WRAP -> {
						toClient.clear();
						engine.wrap(ByteBuffer.allocate(0), toClient);
						toClient.flip();
						byte[] records = new byte[toClient.remaining()];
						toClient.get(records);
						send(tdsPacket(0x12, records));
					}
					case NEED_UNWRAP -> {
						fromClient.flip();
						SSLEngineResult result = engine.unwrap(fromClient, application);
						fromClient.compact();
						if (result.getStatus() == SSLEngineResult.Status.BUFFER_UNDERFLOW) {
							fromClient.put(tdsPayload());
						}
					}
					case NEED_TASK -> {
						for (Runnable task = engine.getDelegatedTask(); task != null; task = engine
							.getDelegatedTask()) {
							task.run();
						}
					}
					default -> {
						return;
					}
				}
			}
			throw new IOException("The TLS handshake in TDS did not end");
		}

		/** The payload of the client's next TDS packet, which must be PRELOGIN. */
		private byte[] tdsPayload() throws IOException {
			byte[] header = new byte[8];
			for (int i = 0; i < header.length; i++) {
				header[i] = (byte) read();
			}
			int length = ((header[2] & 0xff) << 8) | (header[3] & 0xff);
			if (header[0] != 0x12 || length <= 8 || length > 32_768) {
				throw new IOException("Not a PRELOGIN packet: " + HEX.formatHex(header));
			}
			byte[] payload = new byte[length - 8];
			for (int i = 0; i < payload.length; i++) {
				payload[i] = (byte) read();
			}
			return payload;
		}

		private static byte[] tdsPacket(int type, byte[] payload) {
			byte[] packet = new byte[8 + payload.length];
			packet[0] = (byte) type;
			packet[1] = 0x01;
			packet[2] = (byte) (packet.length >>> 8);
			packet[3] = (byte) packet.length;
			packet[6] = 1;
			System.arraycopy(payload, 0, packet, 8, payload.length);
			return packet;
		}

		/**
		 * Say nothing more, reading until the client goes away.
		 * @throws IOException if the connection fails
		 */
		public void hang() throws IOException {
			try {
				while (this.input.read() >= 0) {
					// Discard
				}
			}
			catch (SocketTimeoutException ex) {
				// The test server's read timeout: nothing more came
			}
		}

		/**
		 * Send the same text again and again until the client goes away.
		 * @param text what to repeat
		 */
		public void repeat(String text) {
			byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
			try {
				for (int sent = 0; sent < MAX_READ * 16; sent += bytes.length) {
					this.output.write(bytes);
				}
			}
			catch (IOException ex) {
				// The client closed the connection: what the test expects
			}
		}

		private int read() throws IOException {
			int next = this.input.read();
			if (next < 0) {
				throw new IOException("The client closed the connection");
			}
			return next;
		}

		private void noted(String text) {
			StartTlsTestServer.this.received.add(text);
		}

		private static ByteArrayOutputStream bounded(ByteArrayOutputStream read) throws IOException {
			if (read.size() >= MAX_READ) {
				throw new IOException("The client sent more than " + MAX_READ + " bytes without the expected end");
			}
			return read;
		}

	}

}
