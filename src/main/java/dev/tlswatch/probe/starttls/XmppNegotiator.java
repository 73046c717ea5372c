package dev.tlswatch.probe.starttls;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import dev.tlswatch.probe.Deadline;

/**
 * XMPP client-to-server up to the TLS handshake (RFC 6120 §5.4): open the stream to the
 * domain, find {@code <starttls/>} among the stream features, send {@code <starttls/>},
 * expect {@code <proceed/>}.
 */
final class XmppNegotiator {

	private static final String PROTOCOL = "XMPP";

	// RFC 6120 §4.7, §5.4.2.1
	private static final String STREAM_HEADER = "<?xml version='1.0'?><stream:stream to='%s' xmlns='jabber:client'"
			+ " xmlns:stream='http://etherx.jabber.org/streams' version='1.0'>";

	private static final String STARTTLS = "<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>";

	// Where the features end, or the stream does: RFC 6120 §4.3.2, §4.4, §4.9
	private static final String[] FEATURES_END = { "</stream:features>", "<stream:features/>", "</stream:stream>" };

	private static final String STARTTLS_FEATURE = "<starttls";

	private static final String PROCEED = "<proceed";

	private XmppNegotiator() {
	}

	/**
	 * Run the dialogue.
	 * @param socket connected; each read gets the time left until the deadline
	 * @param domain the XMPP domain the stream is opened to
	 * @param deadline when the dialogue must be over
	 * @throws StartTlsException if the server does not agree to start TLS
	 * @throws IOException if the network fails or the deadline passes
	 */
	static void negotiate(Socket socket, String domain, Deadline deadline) throws IOException {
		Conversation xmpp = new Conversation(socket, PROTOCOL, deadline);
		xmpp.send(STREAM_HEADER.formatted(attribute(domain)).getBytes(StandardCharsets.UTF_8));
		requireStartTlsFeature(xmpp);
		startTls(xmpp);
	}

	/** Reads the server's stream header and features, whatever their order of bytes. */
	private static void requireStartTlsFeature(Conversation xmpp) throws IOException {
		String received = xmpp.readUntil(FEATURES_END);
		String features = afterStreamHeader(received);
		if (!features.contains(STARTTLS_FEATURE)) {
			throw xmpp.failure("does not offer STARTTLS", features);
		}
	}

	/**
	 * Reads the one element that answers {@code <starttls/>} in full, so that none of it
	 * is left for the TLS layer: {@code <proceed .../>} or
	 * {@code <proceed ...></proceed>}.
	 */
	private static void startTls(Conversation xmpp) throws IOException {
		xmpp.send(STARTTLS.getBytes(StandardCharsets.US_ASCII));
		String answer = xmpp.readUntil(">").strip();
		if (!answer.startsWith(PROCEED)) {
			throw xmpp.failure("refused STARTTLS", answer);
		}
		if (!answer.endsWith("/>")) {
			xmpp.readUntil("</proceed>");
		}
	}

	/** The server's text after its {@code <stream:stream ...>} header, to quote. */
	private static String afterStreamHeader(String received) {
		int header = received.indexOf("<stream:stream");
		int end = (header >= 0) ? received.indexOf('>', header) : -1;
		return (end >= 0) ? received.substring(end + 1) : received;
	}

	/** The domain as an XML attribute value in single quotes. */
	private static String attribute(String value) {
		return value.replace("&", "&amp;").replace("<", "&lt;").replace("'", "&apos;").replace("\"", "&quot;");
	}

}
