package dev.tlswatch.probe.wire;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import dev.tlswatch.probe.wire.ServerResponse.AlertReceived;
import dev.tlswatch.probe.wire.ServerResponse.ServerHelloReceived;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link ServerHelloFeatures} on hand-built ServerHello bodies, and the reader handing
 * the body over.
 */
class ServerHelloFeaturesTests {

	private static final HexFormat hex = HexFormat.of();

	private static final String RENEGOTIATION_INFO = "ff01" + "0001" + "00";

	@Test
	void tls12HelloWithRenegotiationInfoAndAlpn() throws Exception {
		ServerHelloFeatures features = ServerHelloFeatures
			.parse(body("0303", "00", RENEGOTIATION_INFO + alpn("000302" + hex.formatHex("h2".getBytes()))));

		assertThat(features).isEqualTo(new ServerHelloFeatures(0, true, "h2"));
	}

	@Test
	void deflateWithoutExtensions() throws Exception {
		ServerHelloFeatures features = ServerHelloFeatures.parse(bodyWithoutExtensions("0301", "01"));

		assertThat(features).isEqualTo(new ServerHelloFeatures(1, false, null));
	}

	@Test
	void emptyExtensionListIsNoRenegotiationInfo() throws Exception {
		assertThat(ServerHelloFeatures.parse(body("0303", "00", "")))
			.isEqualTo(new ServerHelloFeatures(0, false, null));
	}

	@Test
	void otherExtensionsArePassedOver() throws Exception {
		// extended_master_secret (23), empty; session_ticket (35), empty, which is noted
		// since the Ticketbleed check is decided by it
		ServerHelloFeatures features = ServerHelloFeatures.parse(body("0303", "00", "00170000" + "00230000"));

		assertThat(features).isEqualTo(new ServerHelloFeatures(0, false, null, false, true));
	}

	@Test
	void heartbeatIsNoted() throws Exception {
		// heartbeat (15), peer_allowed_to_send
		ServerHelloFeatures features = ServerHelloFeatures.parse(body("0303", "00", "000f000101"));

		assertThat(features).isEqualTo(new ServerHelloFeatures(0, false, null, true, false));
	}

	@Test
	void alpnNameKeepsEveryByte() throws Exception {
		ServerHelloFeatures features = ServerHelloFeatures.parse(body("0303", "00", alpn("0003" + "02" + "ff41")));

		assertThat(features.applicationProtocol()).isEqualTo("\u00ffA");
	}

	@Test
	void nonEmptyRenegotiatedConnectionIsMalformed() {
		assertThatExceptionOfType(MalformedMessageException.class)
			.isThrownBy(() -> ServerHelloFeatures.parse(body("0303", "00", "ff01" + "0003" + "02" + "abcd")))
			.withMessage("renegotiation_info of an initial handshake with 2 bytes of renegotiated_connection, "
					+ "not 0 (RFC 5746 §3.4)");
	}

	@Test
	void alpnWithTwoProtocolsIsMalformed() {
		String twoNames = "0006" + "02" + hex.formatHex("h2".getBytes()) + "02" + hex.formatHex("h3".getBytes());

		assertThatExceptionOfType(MalformedMessageException.class)
			.isThrownBy(() -> ServerHelloFeatures.parse(body("0303", "00", alpn(twoNames))))
			.withMessage("ALPN extension names more than one protocol (RFC 7301 §3.1)");
	}

	@Test
	void emptyAlpnNameIsMalformed() {
		assertThatExceptionOfType(MalformedMessageException.class)
			.isThrownBy(() -> ServerHelloFeatures.parse(body("0303", "00", alpn("0001" + "00"))))
			.withMessage("Empty ALPN protocol name");
	}

	@Test
	void alpnLengthBeyondItsExtensionIsMalformed() {
		assertThatExceptionOfType(MalformedMessageException.class)
			.isThrownBy(() -> ServerHelloFeatures.parse(body("0303", "00", alpn("0010" + "02" + "6832"))))
			.withMessage("protocol_name_list needs 16 bytes but only 3 remain");
	}

	@Test
	void duplicateExtensionIsMalformed() {
		assertThatExceptionOfType(MalformedMessageException.class)
			.isThrownBy(() -> ServerHelloFeatures.parse(body("0303", "00", RENEGOTIATION_INFO + RENEGOTIATION_INFO)))
			.withMessage("Extension 65281 appears twice");
	}

	@Test
	void bytesAfterTheExtensionsAreMalformed() {
		byte[] body = hex.parseHex(hex.formatHex(body("0303", "00", RENEGOTIATION_INFO)) + "00");

		assertThatExceptionOfType(MalformedMessageException.class).isThrownBy(() -> ServerHelloFeatures.parse(body))
			.withMessage("1 unexpected bytes after the ServerHello");
	}

	@Test
	void readerHandsOverTheServerHelloBodyOnce() throws Exception {
		byte[] body = body("0303", "00", RENEGOTIATION_INFO);
		List<byte[]> bodies = new ArrayList<>();

		ServerResponse response = ServerResponseReader.read(new ByteArrayInputStream(record(body)), bodies::add);

		assertThat(response).isEqualTo(new ServerHelloReceived(0x0303, 0xC02F, null));
		assertThat(bodies).singleElement().isEqualTo(body);
	}

	@Test
	void readerHandsOverNothingForAnAlert() throws Exception {
		List<byte[]> bodies = new ArrayList<>();

		ServerResponse response = ServerResponseReader.read(new ByteArrayInputStream(hex.parseHex("15030300020228")),
				bodies::add);

		assertThat(response).isEqualTo(new AlertReceived(2, 40));
		assertThat(bodies).isEmpty();
	}

	/** A ServerHello body with TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 and extensions. */
	static byte[] body(String version, String compression, String extensions) {
		return hex.parseHex(version + "11".repeat(32) + "00" + "c02f" + compression
				+ String.format("%04x", extensions.length() / 2) + extensions);
	}

	private static byte[] bodyWithoutExtensions(String version, String compression) {
		return hex.parseHex(version + "11".repeat(32) + "00" + "002f" + compression);
	}

	private static String alpn(String data) {
		return "0010" + String.format("%04x", data.length() / 2) + data;
	}

	private static byte[] record(byte[] body) {
		String message = "02" + String.format("%06x", body.length) + hex.formatHex(body);
		return hex.parseHex("160303" + String.format("%04x", message.length() / 2) + message);
	}

}
