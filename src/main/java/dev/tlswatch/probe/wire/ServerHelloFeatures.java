package dev.tlswatch.probe.wire;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * What a ServerHello of TLS 1.2 or older says beyond version and suite (RFC 5246
 * §7.4.1.3, RFC 6101 §5.6.1.3): the compression method, whether it carries
 * renegotiation_info, and the application protocol it selected. {@link ServerHelloParser}
 * has already checked the body; this reads it again for these fields, as strictly, and
 * checks the two extensions against their RFCs.
 *
 * @param compressionMethod the compression method the server chose
 * @param renegotiationInfo whether renegotiation_info was there (with the empty
 * renegotiated_connection of an initial handshake, RFC 5746 §3.4)
 * @param applicationProtocol the protocol named in
 * application_layer_protocol_negotiation, each byte as one ISO 8859-1 character (so that
 * no byte is lost), {@code null} without the extension
 * @param heartbeat whether the heartbeat extension was there (RFC 6520 §2): the server
 * takes up heartbeats
 * @param sessionTicket whether the session_ticket extension was there (RFC 5077 §3.2):
 * the server will issue a ticket
 */
record ServerHelloFeatures(int compressionMethod, boolean renegotiationInfo, @Nullable String applicationProtocol,
		boolean heartbeat, boolean sessionTicket) {

	/**
	 * Features of a ServerHello without heartbeat and session_ticket.
	 * @param compressionMethod the compression method
	 * @param renegotiationInfo whether renegotiation_info was there
	 * @param applicationProtocol the protocol ALPN selected, if any
	 */
	ServerHelloFeatures(int compressionMethod, boolean renegotiationInfo, @Nullable String applicationProtocol) {
		this(compressionMethod, renegotiationInfo, applicationProtocol, false, false);
	}

	/**
	 * Read a ServerHello body.
	 * @param body the message without its handshake header
	 * @return the features
	 * @throws MalformedMessageException if the body, renegotiation_info or the ALPN
	 * extension does not parse, or breaks its RFC
	 */
	static ServerHelloFeatures parse(byte[] body) throws MalformedMessageException {
		TlsReader hello = new TlsReader(body);
		skipToCompressionMethod(hello);
		int compressionMethod = hello.u8();
		ServerHelloFeatures features = extensions(hello, compressionMethod);
		hello.expectEnd("ServerHello");
		return features;
	}

	/** legacy_version, random, session id, cipher suite. */
	private static void skipToCompressionMethod(TlsReader hello) throws MalformedMessageException {
		hello.u16();
		hello.bytes(Handshakes.RANDOM_LENGTH, "random");
		TlsReader sessionId = hello.u8Prefixed("legacy_session_id_echo");
		if (sessionId.remaining() > Handshakes.MAX_SESSION_ID_LENGTH) {
			throw new MalformedMessageException(
					"Session id of " + sessionId.remaining() + " bytes, more than " + Handshakes.MAX_SESSION_ID_LENGTH);
		}
		hello.u16();
	}

	private static ServerHelloFeatures extensions(TlsReader hello, int compressionMethod)
			throws MalformedMessageException {
		if (hello.remaining() == 0) {
			return new ServerHelloFeatures(compressionMethod, false, null);
		}
		TlsReader all = hello.u16Prefixed("extensions");
		Set<Integer> seen = new HashSet<>();
		boolean renegotiationInfo = false;
		String applicationProtocol = null;
		boolean heartbeat = false;
		boolean sessionTicket = false;
		while (all.remaining() > 0) {
			int type = all.u16();
			TlsReader data = all.u16Prefixed("extension " + type);
			if (!seen.add(type)) {
				throw new MalformedMessageException("Extension " + type + " appears twice");
			}
			if (type == Extensions.RENEGOTIATION_INFO) {
				renegotiationInfo(data);
				renegotiationInfo = true;
			}
			else if (type == Extensions.APPLICATION_LAYER_PROTOCOL_NEGOTIATION) {
				applicationProtocol = applicationProtocol(data);
			}
			heartbeat |= type == HeartbleedProbe.HEARTBEAT_EXTENSION;
			sessionTicket |= type == Tls12Handshake.SESSION_TICKET;
		}
		return new ServerHelloFeatures(compressionMethod, renegotiationInfo, applicationProtocol, heartbeat,
				sessionTicket);
	}

	/**
	 * RFC 5746 §3.2: opaque renegotiated_connection{@code <0..255>}; in an initial
	 * handshake it must be empty, or the client aborts (§3.4).
	 */
	private static void renegotiationInfo(TlsReader data) throws MalformedMessageException {
		TlsReader renegotiatedConnection = data.u8Prefixed("renegotiated_connection");
		data.expectEnd("renegotiation_info");
		if (renegotiatedConnection.remaining() != 0) {
			throw new MalformedMessageException("renegotiation_info of an initial handshake with "
					+ renegotiatedConnection.remaining() + " bytes of renegotiated_connection, not 0 (RFC 5746 §3.4)");
		}
	}

	/**
	 * RFC 7301 §3.1: the server's ProtocolNameList holds exactly one ProtocolName of 1 to
	 * 255 bytes.
	 */
	private static String applicationProtocol(TlsReader data) throws MalformedMessageException {
		TlsReader list = data.u16Prefixed("protocol_name_list");
		data.expectEnd("application_layer_protocol_negotiation");
		TlsReader name = list.u8Prefixed("protocol name");
		if (name.remaining() == 0) {
			throw new MalformedMessageException("Empty ALPN protocol name");
		}
		if (list.remaining() != 0) {
			throw new MalformedMessageException("ALPN extension names more than one protocol (RFC 7301 §3.1)");
		}
		return new String(name.bytes(name.remaining(), "protocol name"), StandardCharsets.ISO_8859_1);
	}

}
