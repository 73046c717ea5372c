package dev.tlswatch.probe.wire;

/**
 * Extension types and the fixed values inside them that the ClientHello sends and the
 * parser reads (IANA "TLS ExtensionType Values").
 */
final class Extensions {

	/** ExtensionType (2) + uint16 length, RFC 8446 §4.2. */
	static final int HEADER_LENGTH = 4;

	/** The uint16 length in front of a hello's extensions, RFC 8446 §4.1.2. */
	static final int LIST_LENGTH_PREFIX = 2;

	/** server_name, RFC 6066 §3. */
	static final int SERVER_NAME = 0;

	/** supported_groups, RFC 8422 §5.1.1 and RFC 8446 §4.2.7. */
	static final int SUPPORTED_GROUPS = 10;

	/** ec_point_formats, RFC 8422 §5.1.2. */
	static final int EC_POINT_FORMATS = 11;

	/** signature_algorithms, RFC 5246 §7.4.1.4.1 and RFC 8446 §4.2.3. */
	static final int SIGNATURE_ALGORITHMS = 13;

	/** application_layer_protocol_negotiation, RFC 7301 §3.1. */
	static final int APPLICATION_LAYER_PROTOCOL_NEGOTIATION = 16;

	/** padding, RFC 7685 §3. */
	static final int PADDING = 21;

	/** supported_versions, RFC 8446 §4.2.1. */
	static final int SUPPORTED_VERSIONS = 43;

	/** key_share, RFC 8446 §4.2.8. */
	static final int KEY_SHARE = 51;

	/** renegotiation_info, RFC 5746 §3.2. */
	static final int RENEGOTIATION_INFO = 0xFF01;

	/** NameType host_name in server_name, RFC 6066 §3. */
	static final int HOST_NAME = 0;

	/** ECPointFormat uncompressed, the only one RFC 8422 §5.1.2 still allows. */
	static final int UNCOMPRESSED_POINTS = 0;

	private Extensions() {
	}

}
