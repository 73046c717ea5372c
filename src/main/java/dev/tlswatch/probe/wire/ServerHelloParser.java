package dev.tlswatch.probe.wire;

import java.util.HashSet;
import java.util.Set;

import dev.tlswatch.probe.TlsVersion;
import dev.tlswatch.probe.wire.ServerResponse.HelloRetryRequested;
import dev.tlswatch.probe.wire.ServerResponse.ServerHelloReceived;
import org.jspecify.annotations.Nullable;

/**
 * Reads the body of a ServerHello (RFC 8446 §4.1.3, RFC 5246 §7.4.1.3, RFC 6101 §5.6.1.3)
 * for the version, cipher suite and group the server chose, and tells a HelloRetryRequest
 * (RFC 8446 §4.1.4) from it. Everything in the body must parse, to the last byte.
 */
final class ServerHelloParser {

	private ServerHelloParser() {
	}

	/**
	 * Parse a ServerHello body.
	 * @param body the message without its handshake header
	 * @return a {@link ServerHelloReceived} or a {@link HelloRetryRequested}
	 * @throws MalformedMessageException if the body does not parse
	 */
	static ServerResponse parse(byte[] body) throws MalformedMessageException {
		TlsReader hello = new TlsReader(body);
		int legacyVersion = hello.u16();
		byte[] random = hello.bytes(Handshakes.RANDOM_LENGTH, "random");
		skipSessionId(hello);
		int cipherSuite = hello.u16();
		// legacy_compression_method: says nothing about the version
		hello.u8();
		ServerExtensions extensions = extensions(hello);
		hello.expectEnd("ServerHello");
		if (Handshakes.isHelloRetryRequest(random)) {
			return retry(cipherSuite, extensions);
		}
		Integer selected = extensions.selectedVersion();
		return new ServerHelloReceived((selected != null) ? selected : legacyVersion, cipherSuite,
				serverShareGroup(extensions.keyShare()));
	}

	private static void skipSessionId(TlsReader hello) throws MalformedMessageException {
		TlsReader sessionId = hello.u8Prefixed("legacy_session_id_echo");
		if (sessionId.remaining() > Handshakes.MAX_SESSION_ID_LENGTH) {
			throw new MalformedMessageException(
					"Session id of " + sessionId.remaining() + " bytes, more than " + Handshakes.MAX_SESSION_ID_LENGTH);
		}
	}

	/**
	 * The extensions this parser reads; a ServerHello without any (SSL 3.0, or a TLS
	 * server with nothing to say) simply ends after the compression method.
	 */
	private static ServerExtensions extensions(TlsReader hello) throws MalformedMessageException {
		if (hello.remaining() == 0) {
			return new ServerExtensions(null, null);
		}
		TlsReader all = hello.u16Prefixed("extensions");
		Set<Integer> seen = new HashSet<>();
		Integer selectedVersion = null;
		TlsReader keyShare = null;
		while (all.remaining() > 0) {
			int type = all.u16();
			TlsReader data = all.u16Prefixed("extension " + type);
			// RFC 8446 §4.2: no more than one extension of the same type
			if (!seen.add(type)) {
				throw new MalformedMessageException("Extension " + type + " appears twice");
			}
			if (type == Extensions.SUPPORTED_VERSIONS) {
				selectedVersion = selectedVersion(data);
			}
			else if (type == Extensions.KEY_SHARE) {
				keyShare = data;
			}
		}
		return new ServerExtensions(selectedVersion, keyShare);
	}

	/** RFC 8446 §4.2.1: a ServerHello's supported_versions is one selected_version. */
	private static int selectedVersion(TlsReader data) throws MalformedMessageException {
		int version = data.u16();
		data.expectEnd("supported_versions");
		return version;
	}

	/** RFC 8446 §4.2.8: a ServerHello's key_share is one KeyShareEntry. */
	private static @Nullable Integer serverShareGroup(@Nullable TlsReader keyShare) throws MalformedMessageException {
		if (keyShare == null) {
			return null;
		}
		int group = keyShare.u16();
		TlsReader key = keyShare.u16Prefixed("key_exchange");
		if (key.remaining() == 0) {
			throw new MalformedMessageException("Empty key_exchange in the server's key_share");
		}
		keyShare.expectEnd("key_share");
		return group;
	}

	/**
	 * RFC 8446 §4.1.4: a HelloRetryRequest must select TLS 1.3 in supported_versions; its
	 * key_share, if any, is just the selected_group.
	 */
	private static HelloRetryRequested retry(int cipherSuite, ServerExtensions extensions)
			throws MalformedMessageException {
		Integer selected = extensions.selectedVersion();
		if (selected == null || selected != TlsVersion.TLS_1_3.code()) {
			throw new MalformedMessageException("HelloRetryRequest selects version "
					+ ((selected != null) ? Hex.u16(selected) : "none") + ", not TLS 1.3");
		}
		TlsReader keyShare = extensions.keyShare();
		if (keyShare == null) {
			return new HelloRetryRequested(null, cipherSuite);
		}
		int group = keyShare.u16();
		keyShare.expectEnd("key_share of the HelloRetryRequest");
		return new HelloRetryRequested(group, cipherSuite);
	}

	/**
	 * What the parser reads of the extensions.
	 */
	private record ServerExtensions(@Nullable Integer selectedVersion, @Nullable TlsReader keyShare) {

	}

}
