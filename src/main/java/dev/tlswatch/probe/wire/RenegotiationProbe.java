package dev.tlswatch.probe.wire;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import dev.tlswatch.probe.ProbeOptions;
import dev.tlswatch.probe.ProbeTarget;
import dev.tlswatch.probe.SuiteEnumeration;
import dev.tlswatch.probe.TlsVersion;
import dev.tlswatch.probe.Vulnerability;
import dev.tlswatch.probe.VulnerabilityCheck;
import dev.tlswatch.probe.VulnerabilityResult;
import dev.tlswatch.probe.wire.RawSession.NoFlight;
import dev.tlswatch.probe.wire.RawSession.Record;

/**
 * Insecure client-initiated renegotiation (CVE-2009-3555), one connection: a TLS 1.2
 * handshake without renegotiation_info (RFC 5746), then a new ClientHello, encrypted, as
 * a client that renegotiates sends it. A server that answers with a handshake record (its
 * ServerHello) renegotiates insecurely; an alert or a close is a refusal. Only asked of a
 * server whose lack of RFC 5746 left the question open; the engine does not run it
 * otherwise.
 */
final class RenegotiationProbe implements VulnerabilityCheck {

	/** Records passed over while waiting for the answer. */
	private static final int MAX_RECORDS = 4;

	@Override
	public Vulnerability vulnerability() {
		return Vulnerability.CLIENT_RENEGOTIATION;
	}

	@Override
	public VulnerabilityResult check(ProbeTarget target, ProbeOptions options,
			Map<TlsVersion, SuiteEnumeration> suites) {
		List<Integer> offered = Checks.handshakeSuites(suites);
		if (offered.isEmpty()) {
			return Checks.noHandshakeSuite(Vulnerability.CLIENT_RENEGOTIATION);
		}
		try (RawSession session = RawSession.open(target, options)) {
			Tls12Handshake handshake = Tls12Handshake.complete(session, target, offered, false);
			byte[] hello = ClientHelloBuilder.offering(TlsVersion.TLS_1_2)
				.serverName(WireConnection.serverName(target))
				.cipherSuites(offered)
				.withoutRenegotiationInfo()
				.build();
			handshake.sendEncrypted(TlsRecords.HANDSHAKE,
					Arrays.copyOfRange(hello, TlsRecords.HEADER_LENGTH, hello.length));
			return answer(session);
		}
		catch (WireConnection.Failure | NoFlight | Tls12Handshake.Failed ex) {
			return VulnerabilityResult.notTested(Vulnerability.CLIENT_RENEGOTIATION, String.valueOf(ex.getMessage()),
					1);
		}
		catch (IOException ex) {
			return VulnerabilityResult.notTested(Vulnerability.CLIENT_RENEGOTIATION,
					"Sending the new ClientHello failed: " + WireConnection.describe(ex), 1);
		}
	}

	private static VulnerabilityResult answer(RawSession session) {
		try {
			for (int i = 0; i < MAX_RECORDS; i++) {
				Record record = session.next();
				if (record == null) {
					return VulnerabilityResult.notVulnerable(Vulnerability.CLIENT_RENEGOTIATION,
							"Closed the connection on a renegotiation without RFC 5746", 1);
				}
				if (record.type() == TlsRecords.ALERT) {
					return VulnerabilityResult.notVulnerable(Vulnerability.CLIENT_RENEGOTIATION,
							"Refused a renegotiation without RFC 5746 with an (encrypted) alert", 1);
				}
				if (record.type() == TlsRecords.HANDSHAKE) {
					return VulnerabilityResult.vulnerable(Vulnerability.CLIENT_RENEGOTIATION,
							"Answered a client-initiated renegotiation without RFC 5746 with a handshake", 1);
				}
			}
			return VulnerabilityResult.notTested(Vulnerability.CLIENT_RENEGOTIATION, "No answer to the renegotiation",
					1);
		}
		catch (SocketTimeoutException ex) {
			return VulnerabilityResult.notTested(Vulnerability.CLIENT_RENEGOTIATION,
					"No answer to the renegotiation in time", 1);
		}
		catch (IOException | MalformedMessageException ex) {
			return VulnerabilityResult.notVulnerable(Vulnerability.CLIENT_RENEGOTIATION,
					"Ended the connection on the renegotiation: " + ex.getMessage(), 1);
		}
	}

}
