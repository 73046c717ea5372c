package dev.tlswatch.probe.wire;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import dev.tlswatch.probe.ProbeOptions;
import dev.tlswatch.probe.ProbeTarget;
import dev.tlswatch.probe.SuiteEnumeration;
import dev.tlswatch.probe.TlsVersion;
import dev.tlswatch.probe.Vulnerability;
import dev.tlswatch.probe.VulnerabilityCheck;
import dev.tlswatch.probe.VulnerabilityResult;
import dev.tlswatch.probe.wire.RawSession.Flight;
import dev.tlswatch.probe.wire.RawSession.NoFlight;
import dev.tlswatch.probe.wire.RawSession.Record;

/**
 * Heartbleed (CVE-2014-0160), one connection: a ClientHello that offers heartbeats (RFC
 * 6520); a server that does not take them up is not vulnerable. Otherwise, after its
 * flight, two heartbeat requests: one whose payload_length claims
 * {@value #CLAIMED_LENGTH} bytes but carries none, which RFC 6520 §4 says to discard
 * silently, then a well-formed one. A server that answers the first with that many bytes
 * read them from its memory. At most {@value #MAX_READ} bytes of an answer are read, and
 * the claimed length is small, so the server gives away little.
 */
final class HeartbleedProbe implements VulnerabilityCheck {

	/** ExtensionType heartbeat, RFC 6520 §2. */
	static final int HEARTBEAT_EXTENSION = 15;

	/** HeartbeatMode peer_allowed_to_send, RFC 6520 §2. */
	static final int PEER_ALLOWED_TO_SEND = 1;

	/** HeartbeatMessageType heartbeat_request, RFC 6520 §3. */
	static final int HEARTBEAT_REQUEST = 1;

	/** HeartbeatMessageType heartbeat_response, RFC 6520 §3. */
	static final int HEARTBEAT_RESPONSE = 2;

	/** The padding of a HeartbeatMessage is at least 16 bytes, RFC 6520 §4. */
	static final int MIN_PADDING = 16;

	/** The payload_length of the over-long request, which carries no payload at all. */
	static final int CLAIMED_LENGTH = 1024;

	/** The most bytes of one answer read. */
	static final int MAX_READ = 4096;

	/** Records passed over while waiting for the answer. */
	private static final int MAX_RECORDS = 4;

	private static final byte[] PAYLOAD = "TLSWatch heartbeat".getBytes(StandardCharsets.US_ASCII);

	@Override
	public Vulnerability vulnerability() {
		return Vulnerability.HEARTBLEED;
	}

	@Override
	public VulnerabilityResult check(ProbeTarget target, ProbeOptions options,
			Map<TlsVersion, SuiteEnumeration> suites) {
		VulnerabilityOffer offer = VulnerabilityOffer.of(suites, (suite) -> true);
		if (offer == null) {
			return Checks.noOlderVersion(Vulnerability.HEARTBLEED, suites);
		}
		byte[] hello = offer.hello(target).extension(HEARTBEAT_EXTENSION, new byte[] { PEER_ALLOWED_TO_SEND }).build();
		try (RawSession session = RawSession.open(target, options)) {
			Flight flight = session.flight(hello);
			if (!flight.extensions().contains(HEARTBEAT_EXTENSION)) {
				return VulnerabilityResult.notVulnerable(Vulnerability.HEARTBLEED, "No heartbeat extension", 1);
			}
			session.send(offer.record(RawSession.HEARTBEAT, request(CLAIMED_LENGTH, new byte[0])),
					offer.record(RawSession.HEARTBEAT, request(PAYLOAD.length, PAYLOAD)));
			return answer(session);
		}
		catch (WireConnection.Failure ex) {
			return VulnerabilityResult.notTested(Vulnerability.HEARTBLEED, String.valueOf(ex.getMessage()), 1);
		}
		catch (NoFlight ex) {
			return VulnerabilityResult.notTested(Vulnerability.HEARTBLEED, String.valueOf(ex.getMessage()), 1);
		}
		catch (IOException ex) {
			return VulnerabilityResult.notTested(Vulnerability.HEARTBLEED,
					"Sending the heartbeat failed: " + WireConnection.describe(ex), 1);
		}
	}

	/** RFC 6520 §4: type, payload_length, payload, at least 16 bytes of padding. */
	static byte[] request(int payloadLength, byte[] payload) {
		return new TlsWriter().u8(HEARTBEAT_REQUEST)
			.u16(payloadLength)
			.bytes(payload)
			.bytes(new byte[MIN_PADDING])
			.toByteArray();
	}

	private static VulnerabilityResult answer(RawSession session) {
		try {
			for (int i = 0; i < MAX_RECORDS; i++) {
				Record record = session.next(MAX_READ);
				if (record == null) {
					return VulnerabilityResult.notVulnerable(Vulnerability.HEARTBLEED,
							"Closed the connection on the heartbeats", 1);
				}
				if (record.type() == TlsRecords.ALERT) {
					return VulnerabilityResult.notVulnerable(Vulnerability.HEARTBLEED,
							"Answered the heartbeats with " + Checks.alert(record), 1);
				}
				if (record.type() == RawSession.HEARTBEAT) {
					return heartbeat(record);
				}
			}
			return VulnerabilityResult.notTested(Vulnerability.HEARTBLEED, "No heartbeat answer", 1);
		}
		catch (SocketTimeoutException ex) {
			return VulnerabilityResult.notTested(Vulnerability.HEARTBLEED, "No answer to either heartbeat in time", 1);
		}
		catch (IOException | MalformedMessageException ex) {
			return VulnerabilityResult.notVulnerable(Vulnerability.HEARTBLEED,
					"Ended the connection on the heartbeats: " + ex.getMessage(), 1);
		}
	}

	/** The first answer is to the over-long request if it carries its claimed length. */
	private static VulnerabilityResult heartbeat(Record record) throws MalformedMessageException {
		TlsReader message = new TlsReader(record.fragment());
		int type = message.u8();
		int payloadLength = message.u16();
		if (type == HEARTBEAT_RESPONSE && payloadLength >= CLAIMED_LENGTH) {
			return VulnerabilityResult.vulnerable(Vulnerability.HEARTBLEED, "Answered a heartbeat of 0 bytes that"
					+ " claimed " + CLAIMED_LENGTH + " with " + record.length() + " bytes of its memory", 1);
		}
		return VulnerabilityResult.notVulnerable(Vulnerability.HEARTBLEED,
				"Ignored the over-long heartbeat and answered the well-formed one (" + payloadLength + " bytes)", 1);
	}

}
