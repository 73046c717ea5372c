package dev.tlswatch.probe.starttls;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import dev.tlswatch.probe.StartTls;
import dev.tlswatch.support.StartTlsTestServer;
import org.junit.jupiter.api.Test;

import static dev.tlswatch.probe.starttls.StartTlsProbes.assertStartTlsFailed;
import static dev.tlswatch.probe.starttls.StartTlsProbes.assertUpgraded;
import static dev.tlswatch.probe.starttls.StartTlsProbes.leaf;
import static dev.tlswatch.probe.starttls.StartTlsProbes.probe;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The LDAP StartTLS extended operation (RFC 4511 §4.14, RFC 4513 §3) against scripted
 * servers on 127.0.0.1.
 */
class LdapNegotiatorTests {

	// The request every scanner sends: messageID 1, ExtendedRequest, requestName
	// 1.3.6.1.4.1.1466.20037
	private static final String START_TLS_REQUEST = "301d02010177188016"
			+ HexFormat.of().formatHex("1.3.6.1.4.1.1466.20037".getBytes(StandardCharsets.US_ASCII));

	@Test
	void successfulExtendedResponseUpgradesTheConnection() {
		try (StartTlsTestServer server = StartTlsTestServer.ldap(leaf())) {
			assertUpgraded(probe(server, StartTls.LDAP), server);
			assertThat(server.received()).containsExactly(START_TLS_REQUEST);
		}
	}

	@Test
	void longFormLengthsAndAResponseNameAreRead() {
		// Active Directory writes four-octet lengths; the response name may follow
		String response = "3084" + "00000028" + "020101" + "7884" + "0000001f" + "0a0100" + "0400" + "0400" + "8a16"
				+ HexFormat.of().formatHex("1.3.6.1.4.1.1466.20037".getBytes(StandardCharsets.US_ASCII));
		try (StartTlsTestServer server = StartTlsTestServer.ldap(leaf(), response)) {
			assertUpgraded(probe(server, StartTls.LDAP), server);
		}
	}

	@Test
	void protocolErrorIsQuotedWithTheDiagnosticMessage() {
		String response = message(1, extendedResponse(2, "unsupported extended operation"));
		try (StartTlsTestServer server = StartTlsTestServer.ldap(leaf(), response)) {
			assertStartTlsFailed(probe(server, StartTls.LDAP),
					"LDAP server refused StartTLS with resultCode 2 (protocolError): \"unsupported extended operation\"");
		}
	}

	@Test
	void unnamedResultCodeIsGivenAsANumber() {
		String response = message(1, extendedResponse(49, ""));
		try (StartTlsTestServer server = StartTlsTestServer.ldap(leaf(), response)) {
			assertStartTlsFailed(probe(server, StartTls.LDAP), "LDAP server refused StartTLS with resultCode 49: \"\"");
		}
	}

	@Test
	void noticeOfDisconnectionIsQuoted() {
		String response = message(0, extendedResponse(52, "server shutting down"));
		try (StartTlsTestServer server = StartTlsTestServer.ldap(leaf(), response)) {
			assertStartTlsFailed(probe(server, StartTls.LDAP),
					"LDAP server disconnected with resultCode 52 (unavailable): \"server shutting down\"");
		}
	}

	@Test
	void answerToAnotherMessageIsAFailure() {
		String response = message(7, extendedResponse(0, ""));
		try (StartTlsTestServer server = StartTlsTestServer.ldap(leaf(), response)) {
			assertStartTlsFailed(probe(server, StartTls.LDAP), "LDAP server answered message 7 instead of 1: \"\"");
		}
	}

	@Test
	void otherOperationIsOutOfProtocol() {
		// A BindResponse, [APPLICATION 1]
		String response = message(1, "6107" + "0a0100" + "0400" + "0400");
		try (StartTlsTestServer server = StartTlsTestServer.ldap(leaf(), response)) {
			assertStartTlsFailed(probe(server, StartTls.LDAP),
					"LDAP server answered StartTLS outside the protocol: tag 0x61 where 0x78 was expected");
		}
	}

	@Test
	void hugeAnnouncedLengthFailsWithoutReadingIt() {
		try (StartTlsTestServer server = StartTlsTestServer.ldap(leaf(), "30847fffffff020101")) {
			assertStartTlsFailed(probe(server, StartTls.LDAP),
					"LDAP server answered StartTLS outside the protocol: a message of 2147483647 bytes, more than 16384");
		}
	}

	@Test
	void lengthBeyondTheMessageIsOutOfProtocol() {
		// The ExtendedResponse claims 64 bytes where 7 follow
		try (StartTlsTestServer server = StartTlsTestServer.ldap(leaf(),
				"300c020101" + "7840" + "0a0100" + "0400" + "0400")) {
			assertStartTlsFailed(probe(server, StartTls.LDAP),
					"LDAP server answered StartTLS outside the protocol: length 64 beyond the 7 bytes that remain");
		}
	}

	@Test
	void indefiniteLengthIsOutOfProtocol() {
		try (StartTlsTestServer server = StartTlsTestServer.ldap(leaf(), "3080020101")) {
			assertStartTlsFailed(probe(server, StartTls.LDAP),
					"LDAP server answered StartTLS outside the protocol: unsupported length form 0x80");
		}
	}

	@Test
	void somethingOtherThanLdapIsOutOfProtocol() {
		String response = HexFormat.of()
			.formatHex("HTTP/1.1 400 Bad Request\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
		try (StartTlsTestServer server = StartTlsTestServer.ldap(leaf(), response)) {
			assertStartTlsFailed(probe(server, StartTls.LDAP),
					"LDAP server answered StartTLS outside the protocol: tag 0x48 where an LDAPMessage (0x30) was expected");
		}
	}

	@Test
	void requestIsTheKnownEncoding() {
		assertThat(HexFormat.of().formatHex(LdapNegotiator.startTlsRequest())).isEqualTo(START_TLS_REQUEST);
	}

	/** ExtendedResponse contents: resultCode, empty matchedDN, diagnosticMessage. */
	private static String extendedResponse(int resultCode, String diagnostic) {
		byte[] text = diagnostic.getBytes(StandardCharsets.UTF_8);
		String contents = element(0x0a, new byte[] { (byte) resultCode }) + element(0x04, new byte[0])
				+ element(0x04, text);
		return element(0x78, HexFormat.of().parseHex(contents));
	}

	private static String message(int messageId, String protocolOp) {
		String contents = element(0x02, new byte[] { (byte) messageId }) + protocolOp;
		return element(0x30, HexFormat.of().parseHex(contents));
	}

	private static String element(int tag, byte[] value) {
		ByteArrayOutputStream element = new ByteArrayOutputStream();
		element.write(tag);
		element.write(value.length);
		element.writeBytes(value);
		return HexFormat.of().formatHex(element.toByteArray());
	}

}
