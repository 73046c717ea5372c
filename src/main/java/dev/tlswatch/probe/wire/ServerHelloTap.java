package dev.tlswatch.probe.wire;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import dev.tlswatch.probe.ServerHelloFacts;
import dev.tlswatch.probe.wire.ServerResponse.HelloRetryRequested;
import dev.tlswatch.probe.wire.ServerResponse.ServerHelloReceived;
import org.jspecify.annotations.Nullable;

/**
 * Reads what a server sent in clear at the start of a handshake someone else made (the
 * JDK's): its ServerHello's extension types and the group of its key exchange, for a
 * quick check's fingerprint. The bytes are read with the same bounded readers as the wire
 * probes' answers; what does not parse yields nothing.
 */
public final class ServerHelloTap {

	/** The most extension types kept; a ServerHello has a handful. */
	static final int MAX_EXTENSIONS = 64;

	private ServerHelloTap() {
	}

	/**
	 * The facts of a server's first bytes.
	 * @param serverBytes the bytes the server sent from its first TLS record on
	 * @return the group and extension types, {@code null} when no ServerHello was read
	 */
	public static @Nullable ServerHelloFacts read(byte[] serverBytes) {
		try {
			AtomicReference<byte[]> body = new AtomicReference<>();
			ServerResponse first = ServerResponseReader.read(new ByteArrayInputStream(serverBytes), body::set);
			byte[] hello = body.get();
			if (hello == null || !(first instanceof ServerHelloReceived || first instanceof HelloRetryRequested)) {
				return null;
			}
			return new ServerHelloFacts(group(serverBytes, first), extensionTypes(hello));
		}
		catch (IOException | MalformedMessageException ex) {
			// What the JDK accepted but this reader cannot parse: no facts, the
			// fingerprint keeps chain, version and suite
			return null;
		}
	}

	/**
	 * The group of TLS 1.3's key_share, or read on to a TLS 1.2 ServerKeyExchange.
	 */
	private static @Nullable String group(byte[] serverBytes, ServerResponse first) throws IOException {
		if (first instanceof HelloRetryRequested retry) {
			return (retry.group() != null) ? NamedGroup.nameOf(retry.group()) : null;
		}
		ServerResponse answer = ServerResponseReader.readThroughKeyExchange(new ByteArrayInputStream(serverBytes));
		if (answer instanceof ServerHelloReceived hello && hello.group() != null) {
			return NamedGroup.nameOf(hello.group());
		}
		return null;
	}

	/** RFC 8446 §4.1.3: the extension types, in the order sent. */
	private static List<Integer> extensionTypes(byte[] body) throws MalformedMessageException {
		TlsReader hello = new TlsReader(body);
		hello.u16();
		hello.bytes(Handshakes.RANDOM_LENGTH, "random");
		hello.u8Prefixed("legacy_session_id_echo");
		hello.u16();
		hello.u8();
		List<Integer> types = new ArrayList<>();
		if (hello.remaining() == 0) {
			return types;
		}
		TlsReader all = hello.u16Prefixed("extensions");
		while (all.remaining() > 0 && types.size() < MAX_EXTENSIONS) {
			types.add(all.u16());
			all.u16Prefixed("extension data");
		}
		return types;
	}

}
