package dev.tlswatch.probe.wire;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import dev.tlswatch.probe.TlsVersion;
import org.jspecify.annotations.Nullable;

/**
 * Builds the one record that carries a ClientHello offering exactly one protocol version
 * (RFC 8446 §4.1.2, RFC 5246 §7.4.1.2, RFC 6101 §5.6.1.2), with what a server of that
 * version needs to pick a cipher suite: a broad list of suites, and for TLS the
 * extensions for SNI, groups, point formats, signatures and secure renegotiation. TLS 1.3
 * is offered through supported_versions, with one X25519 key share or none at all (RFC
 * 8446 §4.2.8 allows an empty key_share; the server then asks for a share in a
 * HelloRetryRequest). An SSL 3.0 hello has no extensions at all. The enumerating probes
 * replace the lists of suites and groups with their own.
 *
 * <pre class="code">
 * byte[] record = ClientHelloBuilder.offering(TlsVersion.TLS_1_3).serverName("example.com").x25519KeyShare(key).build();
 * </pre>
 */
final class ClientHelloBuilder {

	/**
	 * Some TLS terminators (F5, per the draft that became RFC 7685) hang on ClientHello
	 * messages of 256 to 511 bytes; the padding extension moves a hello in that range to
	 * this length.
	 */
	static final int PADDED_LENGTH = 512;

	/** The smallest ClientHello length that needs padding. */
	static final int PADDING_THRESHOLD = 256;

	/**
	 * TLS_FALLBACK_SCSV, RFC 7507 §6: not a suite, it tells the server that the client
	 * offers less than its best version.
	 */
	static final int TLS_FALLBACK_SCSV = 0x5600;

	/** ProtocolName is {@code opaque<1..2^8-1>}, RFC 7301 §3.1. */
	static final int MAX_PROTOCOL_NAME_LENGTH = 255;

	/** The most two-byte codes a {@code <2..2^16-2>} list holds. */
	private static final int MAX_CODES = (TlsWriter.MAX_UINT16 - 1) / 2;

	private static final SecureRandom random = new SecureRandom();

	private final TlsVersion version;

	private byte[] clientRandom;

	private byte[] sessionId;

	private @Nullable String serverName;

	private byte @Nullable [] keyShare;

	private List<byte[]> applicationProtocols = List.of();

	private boolean deflate;

	private boolean fallbackScsv;

	private boolean renegotiationInfo = true;

	private @Nullable List<Integer> cipherSuites;

	private @Nullable List<Integer> groups;

	private final Map<Integer, byte[]> extraExtensions = new LinkedHashMap<>();

	private ClientHelloBuilder(TlsVersion version) {
		this.version = version;
		this.clientRandom = randomBytes(Handshakes.RANDOM_LENGTH);
		// A TLS 1.3 client in middlebox compatibility mode sends a 32-byte session id,
		// RFC 8446 Appendix D.4; older hellos start a new session with an empty one
		this.sessionId = (version == TlsVersion.TLS_1_3) ? randomBytes(Handshakes.MAX_SESSION_ID_LENGTH) : new byte[0];
	}

	/**
	 * Start a ClientHello that offers one version.
	 * @param version the version
	 * @return a builder with a fresh random and session id
	 */
	static ClientHelloBuilder offering(TlsVersion version) {
		return new ClientHelloBuilder(Objects.requireNonNull(version, "version"));
	}

	/**
	 * Send SNI (ignored for SSL 3.0, which has no extensions).
	 * @param asciiHostName a DNS host name in ASCII (A-labels), without a trailing dot;
	 * {@code null} to send none
	 * @return this builder
	 */
	ClientHelloBuilder serverName(@Nullable String asciiHostName) {
		this.serverName = asciiHostName;
		return this;
	}

	/**
	 * Send one X25519 key share (TLS 1.3 only); without one, the key_share is empty.
	 * @param publicKey the 32-byte public key (RFC 7748 §5)
	 * @return this builder
	 */
	ClientHelloBuilder x25519KeyShare(byte[] publicKey) {
		if (publicKey.length != X25519KeyShare.KEY_LENGTH) {
			throw new IllegalArgumentException("An X25519 public key has 32 bytes, not " + publicKey.length);
		}
		this.keyShare = publicKey.clone();
		return this;
	}

	/**
	 * Offer these cipher suites instead of the version's broad list, in this order. A
	 * signalling value is sent only if listed.
	 * @param codes the two-byte codes, at least one
	 * @return this builder
	 */
	ClientHelloBuilder cipherSuites(List<Integer> codes) {
		this.cipherSuites = checkedCodes(codes, "cipher suite");
		return this;
	}

	/**
	 * Offer these groups in supported_groups instead of the version's list, in this order
	 * (ignored for SSL 3.0).
	 * @param codes the two-byte codes, at least one
	 * @return this builder
	 */
	ClientHelloBuilder groups(List<Integer> codes) {
		this.groups = checkedCodes(codes, "group");
		return this;
	}

	/**
	 * Send one more extension, after the others (ignored for SSL 3.0): for the
	 * vulnerability checks, heartbeat (RFC 6520) and session_ticket (RFC 5077).
	 * @param type the extension type, not one the builder sends itself
	 * @param data the extension_data
	 * @return this builder
	 */
	ClientHelloBuilder extension(int type, byte[] data) {
		if (type < 0 || type > TlsWriter.MAX_UINT16 || data.length > TlsWriter.MAX_UINT16) {
			throw new IllegalArgumentException("Not an extension: type " + type + ", " + data.length + " bytes");
		}
		this.extraExtensions.put(type, data.clone());
		return this;
	}

	/**
	 * Leave renegotiation_info out (RFC 5746 §3.4), as a client from before RFC 5746
	 * does: for the check of insecure renegotiation.
	 * @return this builder
	 */
	ClientHelloBuilder withoutRenegotiationInfo() {
		this.renegotiationInfo = false;
		return this;
	}

	/** Use a given random, for reproducible bytes in tests. */
	ClientHelloBuilder random(byte[] clientRandom) {
		if (clientRandom.length != Handshakes.RANDOM_LENGTH) {
			throw new IllegalArgumentException("The random has 32 bytes, not " + clientRandom.length);
		}
		this.clientRandom = clientRandom.clone();
		return this;
	}

	/** Use a given session id, for reproducible bytes in tests. */
	ClientHelloBuilder sessionId(byte[] sessionId) {
		if (sessionId.length > Handshakes.MAX_SESSION_ID_LENGTH) {
			throw new IllegalArgumentException("A session id has at most 32 bytes, not " + sessionId.length);
		}
		this.sessionId = sessionId.clone();
		return this;
	}

	/**
	 * Offer application protocols (RFC 7301 §3.1), in order of preference; ignored for
	 * SSL 3.0, which has no extensions.
	 * @param protocols protocol names in printable ASCII, such as {@code h2}, each of 1
	 * to 255 bytes
	 * @return this builder
	 */
	ClientHelloBuilder applicationProtocols(List<String> protocols) {
		if (protocols.isEmpty()) {
			throw new IllegalArgumentException("ALPN needs at least one protocol, RFC 7301 §3.1");
		}
		this.applicationProtocols = protocols.stream().map(ClientHelloBuilder::protocolName).toList();
		return this;
	}

	/**
	 * Offer DEFLATE compression (RFC 3749 §2) before null compression: whether a server
	 * still compresses (CRIME). Not for TLS 1.3, whose ClientHello must offer null
	 * compression alone (RFC 8446 §4.1.2).
	 * @return this builder
	 */
	ClientHelloBuilder deflateCompression() {
		if (this.version == TlsVersion.TLS_1_3) {
			throw new IllegalStateException("A TLS 1.3 ClientHello offers null compression only, RFC 8446 §4.1.2");
		}
		this.deflate = true;
		return this;
	}

	/**
	 * Append TLS_FALLBACK_SCSV to the cipher suites (RFC 7507 §4), as a client does that
	 * retries with a lower version than its best; a server that accepts a higher version
	 * must then refuse with inappropriate_fallback.
	 * @return this builder
	 */
	ClientHelloBuilder fallbackScsv() {
		this.fallbackScsv = true;
		return this;
	}

	/**
	 * The ClientHello in one handshake record.
	 * @return the bytes to write
	 * @throws IllegalStateException if a key share's group is not among the groups
	 * @throws IllegalArgumentException if the hello does not fit in one record of
	 * {@value TlsRecords#MAX_PLAINTEXT_LENGTH} bytes
	 */
	byte[] build() {
		if (this.keyShare != null && !groupCodes().contains(NamedGroup.X25519.code())) {
			// RFC 8446 §4.2.8: each KeyShareEntry must be for a group in supported_groups
			throw new IllegalStateException("An X25519 key share needs x25519 among the supported groups");
		}
		byte[] message = Handshakes.message(Handshakes.CLIENT_HELLO, body());
		return TlsRecords.record(TlsRecords.HANDSHAKE, recordVersion(), message);
	}

	private byte[] body() {
		TlsWriter hello = new TlsWriter();
		hello.u16(clientVersion());
		hello.bytes(this.clientRandom);
		hello.u8Prefixed((id) -> id.bytes(this.sessionId));
		hello.u16Prefixed(this::cipherSuites);
		hello.u8Prefixed(this::compressionMethods);
		if (this.version != TlsVersion.SSL_3_0) {
			byte[] extensions = padded(extensions(), hello.length());
			hello.u16Prefixed((all) -> all.bytes(extensions));
		}
		return hello.toByteArray();
	}

	/** RFC 6101 §5.2.1 for SSL 3.0, RFC 8446 §5.1 for every TLS version. */
	private int recordVersion() {
		return (this.version == TlsVersion.SSL_3_0) ? TlsRecords.SSL_3_0_RECORD_VERSION : TlsRecords.TLS_RECORD_VERSION;
	}

	/** The version itself up to TLS 1.2; TLS 1.3 names itself in supported_versions. */
	private int clientVersion() {
		return (this.version == TlsVersion.TLS_1_3) ? Handshakes.TLS_1_3_LEGACY_VERSION : this.version.code();
	}

	private void cipherSuites(TlsWriter suites) {
		List<Integer> codes = this.cipherSuites;
		if (codes != null) {
			codes.forEach(suites::u16);
		}
		else {
			CipherSuite.offeredFor(this.version).forEach((suite) -> suites.u16(suite.code()));
		}
		if (this.fallbackScsv) {
			suites.u16(TLS_FALLBACK_SCSV);
		}
	}

	/** RFC 5246 §7.4.1.2: CompressionMethod compression_methods{@code <1..2^8-1>}. */
	private void compressionMethods(TlsWriter methods) {
		if (this.deflate) {
			methods.u8(Handshakes.DEFLATE_COMPRESSION);
		}
		methods.u8(Handshakes.NULL_COMPRESSION);
	}

	private byte[] extensions() {
		TlsWriter extensions = new TlsWriter();
		serverNameExtension(extensions);
		extension(extensions, Extensions.SUPPORTED_GROUPS, this::supportedGroups);
		if (this.version != TlsVersion.TLS_1_3) {
			extension(extensions, Extensions.EC_POINT_FORMATS, ClientHelloBuilder::ecPointFormats);
			if (this.renegotiationInfo) {
				extension(extensions, Extensions.RENEGOTIATION_INFO, ClientHelloBuilder::renegotiationInfo);
			}
		}
		// Not meaningful before TLS 1.2, and clients must not offer it there, RFC 5246
		// §7.4.1.4.1
		if (this.version.compareTo(TlsVersion.TLS_1_2) >= 0) {
			extension(extensions, Extensions.SIGNATURE_ALGORITHMS, ClientHelloBuilder::signatureAlgorithms);
		}
		if (this.version == TlsVersion.TLS_1_3) {
			extension(extensions, Extensions.SUPPORTED_VERSIONS, ClientHelloBuilder::supportedVersions);
			extension(extensions, Extensions.KEY_SHARE, this::keyShares);
		}
		if (!this.applicationProtocols.isEmpty()) {
			extension(extensions, Extensions.APPLICATION_LAYER_PROTOCOL_NEGOTIATION, this::protocolNames);
		}
		this.extraExtensions.forEach((type, data) -> extension(extensions, type, (content) -> content.bytes(data)));
		return extensions.toByteArray();
	}

	/** RFC 6066 §3: a ServerNameList with one host_name. */
	private void serverNameExtension(TlsWriter extensions) {
		String name = this.serverName;
		if (name == null) {
			return;
		}
		byte[] ascii = name.getBytes(StandardCharsets.US_ASCII);
		extension(extensions, Extensions.SERVER_NAME, (data) -> data
			.u16Prefixed((list) -> list.u8(Extensions.HOST_NAME).u16Prefixed((host) -> host.bytes(ascii))));
	}

	/** RFC 8446 §4.2.7: NamedGroup named_group_list{@code <2..2^16-1>}. */
	private void supportedGroups(TlsWriter data) {
		data.u16Prefixed((list) -> groupCodes().forEach(list::u16));
	}

	private List<Integer> groupCodes() {
		List<Integer> codes = this.groups;
		return (codes != null) ? codes : NamedGroup.offeredFor(this.version).stream().map(NamedGroup::code).toList();
	}

	/** RFC 8422 §5.1.2: ECPointFormat ec_point_format_list{@code <1..2^8-1>}. */
	private static void ecPointFormats(TlsWriter data) {
		data.u8Prefixed((list) -> list.u8(Extensions.UNCOMPRESSED_POINTS));
	}

	/** RFC 5746 §3.2: an initial handshake sends an empty renegotiated_connection. */
	private static void renegotiationInfo(TlsWriter data) {
		data.u8Prefixed((renegotiatedConnection) -> {
		});
	}

	/**
	 * RFC 8446 §4.2.3: SignatureScheme supported_signature_algorithms{@code <2..2^16-2>}.
	 */
	private static void signatureAlgorithms(TlsWriter data) {
		data.u16Prefixed((list) -> {
			for (SignatureScheme scheme : SignatureScheme.values()) {
				list.u16(scheme.code());
			}
		});
	}

	/** RFC 8446 §4.2.1: ProtocolVersion versions{@code <2..254>}, TLS 1.3 alone. */
	private static void supportedVersions(TlsWriter data) {
		data.u8Prefixed((versions) -> versions.u16(TlsVersion.TLS_1_3.code()));
	}

	/**
	 * RFC 8446 §4.2.8: KeyShareEntry client_shares{@code <0..2^16-1>}, each a group and
	 * its key_exchange{@code <1..2^16-1>}.
	 */
	private void keyShares(TlsWriter data) {
		byte[] share = this.keyShare;
		data.u16Prefixed((shares) -> {
			if (share != null) {
				shares.u16(NamedGroup.X25519.code()).u16Prefixed((key) -> key.bytes(share));
			}
		});
	}

	/**
	 * RFC 7301 §3.1: ProtocolName protocol_name_list{@code <2..2^16-1>}, each
	 * {@code opaque<1..2^8-1>}.
	 */
	private void protocolNames(TlsWriter data) {
		data.u16Prefixed((list) -> this.applicationProtocols
			.forEach((name) -> list.u8Prefixed((protocol) -> protocol.bytes(name))));
	}

	private static byte[] protocolName(String name) {
		if (name.isEmpty() || name.length() > MAX_PROTOCOL_NAME_LENGTH
				|| !name.chars().allMatch((c) -> c > 0x20 && c < 0x7F)) {
			throw new IllegalArgumentException("Not a protocol name of 1 to 255 printable ASCII bytes: " + name);
		}
		return name.getBytes(StandardCharsets.US_ASCII);
	}

	/**
	 * Adds a padding extension (RFC 7685) when the ClientHello message would be 256 to
	 * 511 bytes long.
	 * @param extensions the extensions without padding
	 * @param helloLength the length of the body before the extensions
	 * @return the extensions to send
	 */
	private static byte[] padded(byte[] extensions, int helloLength) {
		int messageLength = Handshakes.HEADER_LENGTH + helloLength + Extensions.LIST_LENGTH_PREFIX + extensions.length;
		if (messageLength < PADDING_THRESHOLD || messageLength >= PADDED_LENGTH) {
			return extensions;
		}
		int paddingLength = Math.max(0, PADDED_LENGTH - messageLength - Extensions.HEADER_LENGTH);
		TlsWriter withPadding = new TlsWriter().bytes(extensions);
		// RFC 7685 §3: the extension_data consists entirely of zero bytes
		extension(withPadding, Extensions.PADDING, (data) -> data.bytes(new byte[paddingLength]));
		return withPadding.toByteArray();
	}

	/** RFC 8446 §4.2: ExtensionType, then extension_data{@code <0..2^16-1>}. */
	private static void extension(TlsWriter extensions, int type, Consumer<TlsWriter> data) {
		extensions.u16(type).u16Prefixed(data);
	}

	/**
	 * RFC 8446 §4.1.2 and §4.2.7: both lists are {@code <2..2^16-2>} bytes of two-byte
	 * codes.
	 */
	private static List<Integer> checkedCodes(List<Integer> codes, String what) {
		List<Integer> copy = List.copyOf(codes);
		if (copy.isEmpty() || copy.size() > MAX_CODES) {
			throw new IllegalArgumentException("Between 1 and " + MAX_CODES + " " + what + "s, not " + copy.size());
		}
		for (int code : copy) {
			if (code < 0 || code > TlsWriter.MAX_UINT16) {
				throw new IllegalArgumentException("Not a two-byte " + what + " code: " + code);
			}
		}
		return copy;
	}

	private static byte[] randomBytes(int length) {
		byte[] bytes = new byte[length];
		random.nextBytes(bytes);
		return bytes;
	}

}
