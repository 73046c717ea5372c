package dev.tlswatch.probe.starttls;

import java.util.HexFormat;

import dev.tlswatch.probe.HandshakeObservation;
import dev.tlswatch.probe.ProbeReport;
import dev.tlswatch.probe.StartTls;
import dev.tlswatch.probe.TlsEngine;
import dev.tlswatch.probe.TlsVersion;
import dev.tlswatch.probe.VersionSupport;
import dev.tlswatch.probe.VersionVerdict;
import dev.tlswatch.support.StartTlsTestServer;
import org.junit.jupiter.api.Test;

import static dev.tlswatch.probe.starttls.StartTlsProbes.assertStartTlsFailed;
import static dev.tlswatch.probe.starttls.StartTlsProbes.assertUpgraded;
import static dev.tlswatch.probe.starttls.StartTlsProbes.leaf;
import static dev.tlswatch.probe.starttls.StartTlsProbes.probe;
import static dev.tlswatch.probe.starttls.StartTlsProbes.target;
import static dev.tlswatch.probe.starttls.StartTlsProbes.trustingTestCa;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Microsoft SQL Server's PRELOGIN and the TLS handshake inside TDS packets, against
 * scripted servers on 127.0.0.1.
 */
class MssqlNegotiatorTests {

	// Header: PRELOGIN, end of message, 47 bytes, SPID 0, packet 1, window 0
	private static final String PRELOGIN_HEADER = "1201002f00000100";

	// Options: VERSION at 26 (6 bytes), ENCRYPTION at 32 (1), INSTOPT at 33 (1),
	// THREADID at 34 (4), MARS at 38 (1), terminator; then their data, ENCRYPT_ON
	private static final String PRELOGIN_OPTIONS = "00001a0006" + "0100200001" + "0200210001" + "0300220004"
			+ "0400260001" + "ff" + "000000000000" + "01" + "00" + "00000000" + "00";

	@Test
	void preloginAsksForEncryptionAndTheHandshakeTravelsInTdsPackets() {
		try (StartTlsTestServer server = StartTlsTestServer.mssql(leaf())) {
			HandshakeObservation observation = probe(server, StartTls.MSSQL);

			assertUpgraded(observation, server);
			assertThat(observation.protocol()).isEqualTo("TLSv1.2");
			// After the handshake the client's close_notify is a bare TLS record (type
			// 21, alert), no longer wrapped in a TDS packet
			assertThat(server.received()).containsExactly(PRELOGIN_HEADER + PRELOGIN_OPTIONS, "after handshake: 15");
		}
	}

	@Test
	void theWireProbesSpeakTlsInsideTdsToo() {
		try (StartTlsTestServer server = StartTlsTestServer.mssql(leaf())) {
			ProbeReport report = new TlsEngine(2).probe(target(server, StartTls.MSSQL), trustingTestCa());

			assertThat(report.versions()).extracting(VersionSupport::version, VersionSupport::verdict)
				.contains(tuple(TlsVersion.TLS_1_2, VersionVerdict.ACCEPTED),
						tuple(TlsVersion.TLS_1_3, VersionVerdict.REJECTED));
			assertThat(report.suites().get(TlsVersion.TLS_1_2).accepted()).isNotEmpty();
			assertThat(report.suites().get(TlsVersion.TLS_1_2).complete()).isTrue();
		}
	}

	@Test
	void aServerWithoutEncryptionIsNamed() {
		try (StartTlsTestServer server = StartTlsTestServer.start(leaf(), (peer) -> {
			peer.readTdsPacket();
			peer.send(StartTlsTestServer.mssqlPrelogin(0x02));
			peer.hang();
		})) {
			assertStartTlsFailed(probe(server, StartTls.MSSQL),
					"TDS server does not support encryption: \"ENCRYPT_NOT_SUP\"");
		}
	}

	@Test
	void aServerThatEncryptsOnlyTheLoginStillShakesHands() {
		try (StartTlsTestServer server = StartTlsTestServer.start(leaf(), (peer) -> {
			peer.readTdsPacket();
			peer.send(StartTlsTestServer.mssqlPrelogin(0x00));
			peer.startTlsInTds();
		})) {
			assertUpgraded(probe(server, StartTls.MSSQL), server);
		}
	}

	@Test
	void anAnswerThatIsNotTdsIsQuoted() {
		try (StartTlsTestServer server = StartTlsTestServer.start(leaf(), (peer) -> {
			peer.readTdsPacket();
			peer.send("HTTP/1.1 400 Bad Request\r\n\r\n");
			peer.hang();
		})) {
			assertStartTlsFailed(probe(server, StartTls.MSSQL),
					"TDS server answered PRELOGIN with a packet of type 0x48: \"485454502f312e31\"");
		}
	}

	@Test
	void anOversizedAnswerIsRefusedBeforeItIsRead() {
		byte[] header = { 0x04, 0x01, (byte) 0xff, (byte) 0xff, 0, 0, 1, 0 };
		try (StartTlsTestServer server = StartTlsTestServer.start(leaf(), (peer) -> {
			peer.readTdsPacket();
			peer.send(header);
			peer.hang();
		})) {
			assertStartTlsFailed(probe(server, StartTls.MSSQL),
					"TDS server sent a PRELOGIN answer of 65535 bytes: \"0401ffff00000100\"");
		}
	}

	@Test
	void anAnswerWithoutEncryptionOptionIsNamed() {
		// VERSION only, then the terminator
		byte[] packet = HexFormat.of().parseHex("0401" + "0014" + "00000100" + "0000060006" + "ff" + "10000000");
		packet[3] = (byte) packet.length;
		try (StartTlsTestServer server = StartTlsTestServer.start(leaf(), (peer) -> {
			peer.readTdsPacket();
			peer.send(packet);
			peer.hang();
		})) {
			assertStartTlsFailed(probe(server, StartTls.MSSQL),
					"TDS server sent no ENCRYPTION option: \"0000060006ff10000000\"");
		}
	}

}
