package dev.tlswatch.probe.wire;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.tlswatch.probe.ChachaPreference;
import dev.tlswatch.probe.ChachaPreferenceProber;
import dev.tlswatch.probe.CipherSuite;
import dev.tlswatch.probe.CipherSuiteProber;
import dev.tlswatch.probe.CipherSuites;
import dev.tlswatch.probe.Observed;
import dev.tlswatch.probe.Observed.Status;
import dev.tlswatch.probe.Probers;
import dev.tlswatch.probe.ServerOrder;
import dev.tlswatch.probe.SuiteEnumeration;
import dev.tlswatch.probe.TlsVersion;
import dev.tlswatch.support.TestCertificates;
import dev.tlswatch.support.TestCertificates.Issued;
import dev.tlswatch.support.TestTcpServer;
import dev.tlswatch.support.TestTlsServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static dev.tlswatch.probe.wire.WireProbeFixture.jsse;
import static dev.tlswatch.probe.wire.WireProbeFixture.loopback;
import static dev.tlswatch.probe.wire.WireProbeFixture.options;
import static dev.tlswatch.probe.wire.WireProbeFixture.target;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ChachaPreferenceProber#wire()} against JSSE servers that enforce an order with
 * AES-GCM first (they cannot prefer ChaCha20 conditionally), a scripted server that does,
 * and the decision on hand-built enumerations; all on 127.0.0.1.
 */
class ChachaPreferenceProbeTests {

	private static final int ECDHE_RSA_AES_128_GCM = 0xC02F;

	private static final int ECDHE_RSA_CHACHA20 = 0xCCA8;

	private static Issued localhost;

	private final ChachaPreferenceProber prober = Probers.chachaPreference();

	@BeforeAll
	static void createCertificates() {
		localhost = TestCertificates.localhost(TestCertificates.rootCa("ChaCha Test Root"));
	}

	@Test
	void jsseTls12ServerWithAesFirstKeepsAes() throws Exception {
		try (TestTlsServer server = jsse(localhost).protocols("TLSv1.2")
			.cipherSuites("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256")
			.useCipherSuitesOrder(true)
			.start()) {
			ChachaPreference preference = probeEnumerated(server, TlsVersion.TLS_1_2);

			assertThat(preference.prefersChacha()).isEqualTo(Observed.of(false,
					"TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 chosen though TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256"
							+ " came first"));
			assertThat(preference.connections()).isEqualTo(1);
		}
	}

	@Test
	void jsseTls13ServerWithAesFirstKeepsAes() throws Exception {
		try (TestTlsServer server = jsse(localhost).protocols("TLSv1.3")
			.cipherSuites("TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256", "TLS_AES_128_GCM_SHA256")
			.useCipherSuitesOrder(true)
			.start()) {
			ChachaPreference preference = probeEnumerated(server, TlsVersion.TLS_1_3);

			assertThat(preference.version()).isEqualTo(TlsVersion.TLS_1_3);
			assertThat(preference.prefersChacha().value()).isFalse();
			assertThat(preference.prefersChacha().detail()).startsWith("TLS_AES_256_GCM_SHA384 chosen");
		}
	}

	@Test
	void jsseServerThatFollowsTheClientIsNotAsked() throws Exception {
		try (TestTlsServer server = jsse(localhost).protocols("TLSv1.2")
			.cipherSuites("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256")
			.useCipherSuitesOrder(false)
			.start()) {
			ChachaPreference preference = probeEnumerated(server, TlsVersion.TLS_1_2);

			assertThat(preference.prefersChacha())
				.isEqualTo(Observed.notApplicable("The server follows the client's order"));
			assertThat(preference.connections()).isZero();
		}
	}

	@Test
	void serverThatHonoursAClientsChachaPreferenceChoosesChacha() throws Exception {
		List<List<Integer>> offers = new CopyOnWriteArrayList<>();
		// Its own order is AES-GCM first, but ChaCha20 wins when the client puts it first
		try (TestTcpServer server = TestTcpServer.start(ScriptedServers.reading((socket, hello) -> {
			offers.add(hello.cipherSuites());
			int chosen = (hello.cipherSuites().get(0) == ECDHE_RSA_CHACHA20) ? ECDHE_RSA_CHACHA20
					: ECDHE_RSA_AES_128_GCM;
			ScriptedServers.answer(socket, ScriptedServers.serverHello(0x0303, chosen));
		}))) {
			ChachaPreference preference = this.prober.probe(target(loopback(), server.port()), options(),
					serverOrder(TlsVersion.TLS_1_2, ECDHE_RSA_AES_128_GCM, ECDHE_RSA_CHACHA20));

			assertThat(preference.prefersChacha())
				.isEqualTo(Observed.of(true, "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256 chosen when offered before"
						+ " TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"));
			assertThat(preference.connections()).isEqualTo(1);
		}
		assertThat(offers).containsExactly(List.of(ECDHE_RSA_CHACHA20, ECDHE_RSA_AES_128_GCM));
	}

	@Test
	void aesGcmOfTheSameKeyExchangeIsPairedWithChacha() {
		SuiteEnumeration suites = serverOrder(TlsVersion.TLS_1_2, 0x009E, ECDHE_RSA_AES_128_GCM, ECDHE_RSA_CHACHA20);

		ChachaPreferenceProbe.Pair pair = ChachaPreferenceProbe.plan(suites).value();

		assertThat(pair).isNotNull();
		assertThat(pair.chacha().code()).isEqualTo(ECDHE_RSA_CHACHA20);
		assertThat(pair.aes().code()).as("not DHE's AES-GCM, ranked first").isEqualTo(ECDHE_RSA_AES_128_GCM);
	}

	@Test
	void questionDoesNotApplyWithoutAnAesFirstServerOrderOfBoth() throws Exception {
		int refused = TestTcpServer.refusedPort();
		assertThat(notAsked(refused, serverOrder(TlsVersion.TLS_1_2, ECDHE_RSA_AES_128_GCM, 0xC030))).isEqualTo(
				Observed.notApplicable("The server does not accept both AES-GCM and ChaCha20-Poly1305 with TLS 1.2"));
		assertThat(notAsked(refused, serverOrder(TlsVersion.TLS_1_2, ECDHE_RSA_CHACHA20, ECDHE_RSA_AES_128_GCM)))
			.isEqualTo(Observed
				.notApplicable("The server ranks TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256 first anyway"));
		assertThat(notAsked(refused, serverOrder(TlsVersion.TLS_1_0, 0xC013)))
			.isEqualTo(Observed.notApplicable("TLS 1.0 has no ChaCha20-Poly1305 suites"));
		SuiteEnumeration unknownOrder = new SuiteEnumeration(TlsVersion.TLS_1_2,
				suites(ECDHE_RSA_AES_128_GCM, ECDHE_RSA_CHACHA20), ServerOrder.UNKNOWN, 0, "No answer");
		assertThat(notAsked(refused, unknownOrder))
			.isEqualTo(Observed.none(Status.COULD_NOT_TEST, "Whose order decides is not known"));
	}

	@Test
	void answersOtherThanAChoiceOfTheTwoSayNothing() throws Exception {
		SuiteEnumeration suites = serverOrder(TlsVersion.TLS_1_2, ECDHE_RSA_AES_128_GCM, ECDHE_RSA_CHACHA20);

		assertThat(fake(new ServerResponse.AlertReceived(2, 40), suites))
			.isEqualTo(Observed.none(Status.COULD_NOT_TEST, "Alert: fatal handshake_failure (40)"));
		assertThat(fake(new ServerResponse.ServerHelloReceived(0x0303, 0x009C, null), suites))
			.isEqualTo(Observed.none(Status.ERROR, "The server chose cipher suite 0x009c, which was not offered"));
		assertThat(fake(new ServerResponse.TimedOut(), suites))
			.isEqualTo(Observed.none(Status.TIMED_OUT, "No answer within the handshake timeout"));
		assertThat(fake(new ServerResponse.ServerHelloReceived(0x0301, ECDHE_RSA_CHACHA20, null), suites).status())
			.isEqualTo(Status.ERROR);
	}

	private ChachaPreference probeEnumerated(TestTlsServer server, TlsVersion version) {
		SuiteEnumeration suites = Probers.cipherSuites()
			.enumerate(target(server.address(), server.port()), options(), version);
		return this.prober.probe(target(server.address(), server.port()), options(), suites);
	}

	private Observed<Boolean> notAsked(int refusedPort, SuiteEnumeration suites) throws Exception {
		ChachaPreference preference = this.prober.probe(target(loopback(), refusedPort), options(), suites);
		assertThat(preference.connections()).isZero();
		return preference.prefersChacha();
	}

	private static Observed<Boolean> fake(ServerResponse response, SuiteEnumeration suites) throws Exception {
		ChachaPreference preference = new ChachaPreferenceProbe((target, options, hello) -> response)
			.probe(target(loopback(), 443), options(), suites);
		assertThat(preference.connections()).isEqualTo(1);
		return preference.prefersChacha();
	}

	private static SuiteEnumeration serverOrder(TlsVersion version, int... codes) {
		return new SuiteEnumeration(version, suites(codes), ServerOrder.SERVER, 0, null);
	}

	private static List<CipherSuite> suites(int... codes) {
		return Arrays.stream(codes).mapToObj((code) -> CipherSuites.byCode(code).orElseThrow()).toList();
	}

}
