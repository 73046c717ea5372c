package dev.tlswatch.probe.wire;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import dev.tlswatch.probe.ProbeOptions;
import dev.tlswatch.probe.ProbeTarget;
import dev.tlswatch.probe.SuiteEnumeration;
import dev.tlswatch.probe.TlsVersion;
import dev.tlswatch.probe.Vulnerability;
import dev.tlswatch.probe.VulnerabilityCheck;
import dev.tlswatch.probe.VulnerabilityResult;
import dev.tlswatch.probe.wire.RawSession.NoFlight;
import dev.tlswatch.probe.wire.ServerResponse.ServerHelloReceived;
import org.jspecify.annotations.Nullable;

/**
 * Ticketbleed (CVE-2016-9244), two connections: a full TLS 1.2 handshake that asks for a
 * session ticket (RFC 5077); then a ClientHello that offers the ticket with a session id
 * of {@value #SESSION_ID_LENGTH} bytes. RFC 5077 §3.4 has the server echo the client's
 * session id when it resumes. A server that answers with 32 bytes instead, starting with
 * ours, padded them with its memory. A server that issues no ticket is not vulnerable.
 */
final class TicketbleedProbe implements VulnerabilityCheck {

	/**
	 * The session id sent with the ticket, shorter than the 32 a vulnerable F5 echoes.
	 */
	static final int SESSION_ID_LENGTH = 16;

	private static final SecureRandom random = new SecureRandom();

	@Override
	public Vulnerability vulnerability() {
		return Vulnerability.TICKETBLEED;
	}

	@Override
	public VulnerabilityResult check(ProbeTarget target, ProbeOptions options,
			Map<TlsVersion, SuiteEnumeration> suites) {
		List<Integer> offered = Checks.handshakeSuites(suites);
		if (offered.isEmpty()) {
			return Checks.noHandshakeSuite(Vulnerability.TICKETBLEED);
		}
		byte[] ticket;
		try (RawSession session = RawSession.open(target, options)) {
			ticket = Tls12Handshake.complete(session, target, offered, true).ticket();
		}
		catch (WireConnection.Failure | NoFlight | Tls12Handshake.Failed ex) {
			return VulnerabilityResult.notTested(Vulnerability.TICKETBLEED, String.valueOf(ex.getMessage()), 1);
		}
		if (ticket == null) {
			return VulnerabilityResult.notVulnerable(Vulnerability.TICKETBLEED, "No session ticket issued", 1);
		}
		return resume(target, options, offered, ticket);
	}

	private static VulnerabilityResult resume(ProbeTarget target, ProbeOptions options, List<Integer> offered,
			byte[] ticket) {
		byte[] sessionId = new byte[SESSION_ID_LENGTH];
		random.nextBytes(sessionId);
		byte[] hello = ClientHelloBuilder.offering(TlsVersion.TLS_1_2)
			.serverName(WireConnection.serverName(target))
			.cipherSuites(offered)
			.groups(List.of(NamedGroup.X25519.code()))
			.sessionId(sessionId)
			.extension(Tls12Handshake.SESSION_TICKET, ticket)
			.build();
		AtomicReference<byte @Nullable []> body = new AtomicReference<>();
		ServerResponse response;
		try {
			response = WireConnection.exchange(target, options, hello,
					(input) -> ServerResponseReader.read(input, body::set));
		}
		catch (WireConnection.Failure ex) {
			return VulnerabilityResult.notTested(Vulnerability.TICKETBLEED, String.valueOf(ex.getMessage()), 2);
		}
		byte[] serverHello = body.get();
		if (!(response instanceof ServerHelloReceived) || serverHello == null) {
			return VulnerabilityResult.notTested(Vulnerability.TICKETBLEED, "No ServerHello to the ticket: " + response,
					2);
		}
		return verdict(serverHello, sessionId);
	}

	private static VulnerabilityResult verdict(byte[] serverHello, byte[] sessionId) {
		try {
			TlsReader hello = new TlsReader(serverHello);
			hello.u16();
			hello.bytes(Handshakes.RANDOM_LENGTH, "random");
			TlsReader id = hello.u8Prefixed("session id");
			byte[] echoed = id.bytes(id.remaining(), "session id");
			if (echoed.length > sessionId.length && Arrays.equals(Arrays.copyOf(echoed, sessionId.length), sessionId)) {
				return VulnerabilityResult.vulnerable(Vulnerability.TICKETBLEED, "Echoed a session id of "
						+ sessionId.length + " bytes as " + echoed.length + ", padded with its memory", 2);
			}
			return VulnerabilityResult.notVulnerable(Vulnerability.TICKETBLEED,
					"Answered the ticket with a session id of " + echoed.length + " bytes", 2);
		}
		catch (MalformedMessageException ex) {
			return VulnerabilityResult.notTested(Vulnerability.TICKETBLEED, String.valueOf(ex.getMessage()), 2);
		}
	}

}
