package dev.tlswatch.probe.wire;

import java.util.List;

import dev.tlswatch.probe.Observed;
import dev.tlswatch.probe.Observed.Status;
import dev.tlswatch.probe.TlsVersion;
import dev.tlswatch.probe.wire.HelloExchange.Answer;
import dev.tlswatch.probe.wire.ServerResponse.AlertReceived;
import dev.tlswatch.probe.wire.ServerResponse.Closed;
import dev.tlswatch.probe.wire.ServerResponse.HelloRetryRequested;
import dev.tlswatch.probe.wire.ServerResponse.Malformed;
import dev.tlswatch.probe.wire.ServerResponse.ServerHelloReceived;
import dev.tlswatch.probe.wire.ServerResponse.TimedOut;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@link FeatureVerdicts} on hand-built answers: no socket.
 */
class FeatureVerdictsTests {

	private static final List<String> OFFER = List.of("h2", "http/1.1");

	@Test
	void downgradedServerHelloStillAnswers() {
		Answer tls10 = hello(0x0301, 0x002F, new ServerHelloFeatures(0, true, null));

		assertThat(FeatureVerdicts.secureRenegotiation(TlsVersion.TLS_1_2, tls10))
			.isEqualTo(Observed.of(true, "renegotiation_info in the TLS 1.0 ServerHello"));
	}

	@Test
	void higherVersionThanOfferedIsAnError() {
		Answer tls13 = hello(0x0304, 0x1301, new ServerHelloFeatures(0, false, null));

		assertThat(FeatureVerdicts.compression(TlsVersion.TLS_1_2, tls13))
			.isEqualTo(Observed.none(Status.ERROR, "malformed ServerHello: it chose TLS 1.3, which was not offered"));
	}

	@Test
	void unknownVersionIsAnError() {
		Answer draft = hello(0x7F1C, 0xC02F, new ServerHelloFeatures(0, false, null));

		assertThat(FeatureVerdicts.compression(TlsVersion.TLS_1_2, draft).detail())
			.isEqualTo("malformed ServerHello: it chose version 0x7f1c, which was not offered");
	}

	@Test
	void suiteThatWasNotOfferedIsAnError() {
		Answer tls12Suite = hello(0x0301, 0xC02F, new ServerHelloFeatures(0, true, null));

		assertThat(FeatureVerdicts.secureRenegotiation(TlsVersion.TLS_1_0, tls12Suite)).isEqualTo(Observed
			.none(Status.ERROR, "malformed ServerHello: it chose cipher suite 0xc02f, which was not offered"));
	}

	@Test
	void compressionMethodThatWasNotOfferedIsAnError() {
		Answer lzs = hello(0x0303, 0xC02F, new ServerHelloFeatures(64, true, null));

		assertThat(FeatureVerdicts.compression(TlsVersion.TLS_1_2, lzs)).isEqualTo(Observed.none(Status.ERROR,
				"malformed ServerHello: it chose compression method 64, which was not offered"));
	}

	@Test
	void helloRetryRequestToATls12HelloIsAnError() {
		Answer retry = new Answer(new HelloRetryRequested(0x001D, 0x1301), null);

		assertThat(FeatureVerdicts.fallbackScsv(TlsVersion.TLS_1_2, retry)).isEqualTo(Observed.none(Status.ERROR,
				"malformed ServerHello: HelloRetryRequest to a ClientHello offering TLS 1.2"));
	}

	@Test
	void onlyInappropriateFallbackMeansTheScsvWorks() {
		assertThat(FeatureVerdicts.fallbackScsv(TlsVersion.TLS_1_1, alert(86)))
			.isEqualTo(Observed.of(true, "Alert: fatal inappropriate_fallback (86)"));
		assertThat(FeatureVerdicts.fallbackScsv(TlsVersion.TLS_1_1, alert(70)))
			.isEqualTo(Observed.none(Status.COULD_NOT_TEST, "Alert: fatal protocol_version (70)"));
	}

	@Test
	void onlyNoApplicationProtocolMeansNoneWasChosen() {
		assertThat(FeatureVerdicts.applicationProtocol(TlsVersion.TLS_1_2, OFFER, alert(120)))
			.isEqualTo(Observed.of(List.of(), "Alert: fatal no_application_protocol (120) to [h2, http/1.1]"));
		assertThat(FeatureVerdicts.applicationProtocol(TlsVersion.TLS_1_2, OFFER, alert(40)).status())
			.isEqualTo(Status.COULD_NOT_TEST);
	}

	@Test
	void unprintableAlpnChoiceIsShownInHex() {
		Answer odd = hello(0x0303, 0xC02F, new ServerHelloFeatures(0, true, "\u00ff\u0001"));

		assertThat(FeatureVerdicts.applicationProtocol(TlsVersion.TLS_1_2, OFFER, odd).detail())
			.isEqualTo("malformed ServerHello: it chose ALPN protocol 0xff01, which was not offered");
	}

	@Test
	void closeTimeoutAndGarbageAreNotKnown() {
		assertThat(FeatureVerdicts.compression(TlsVersion.TLS_1_2, new Answer(new Closed(true), null)))
			.isEqualTo(Observed.none(Status.COULD_NOT_TEST, "Connection reset without an answer"));
		assertThat(FeatureVerdicts.compression(TlsVersion.TLS_1_2, new Answer(new TimedOut(), null)))
			.isEqualTo(Observed.none(Status.TIMED_OUT, "No answer within the handshake timeout"));
		assertThat(FeatureVerdicts.compression(TlsVersion.TLS_1_2, new Answer(new Malformed("Empty record"), null)))
			.isEqualTo(Observed.none(Status.ERROR, "malformed ServerHello: Empty record"));
	}

	@Test
	void alpnChoicesAreEachNamedOnceInOrder() {
		Observed<List<String>> h2 = Observed.of(List.of("h2"), "h2");
		Observed<List<String>> http11 = Observed.of(List.of("http/1.1"), "http/1.1");
		Observed<List<String>> none = Observed.of(List.of(), "none");
		List<String> alone = List.of("http/1.1");

		assertThat(FeatureVerdicts.applicationProtocols(h2, OFFER, http11, alone).value()).containsExactly("h2",
				"http/1.1");
		assertThat(FeatureVerdicts.applicationProtocols(http11, OFFER, http11, alone).value())
			.containsExactly("http/1.1");
		assertThat(FeatureVerdicts.applicationProtocols(h2, OFFER, none, alone).value()).containsExactly("h2");
		assertThat(FeatureVerdicts.applicationProtocols(none, OFFER, none, alone))
			.isEqualTo(Observed.of(List.of(), "none; none"));
	}

	@Test
	void oneUnknownAlpnChoiceMakesAllUnknown() {
		Observed<List<String>> h2 = Observed.of(List.of("h2"), "h2");
		Observed<List<String>> timedOut = Observed.none(Status.TIMED_OUT, "No answer");

		assertThat(FeatureVerdicts.applicationProtocols(h2, OFFER, timedOut, List.of("http/1.1")))
			.isEqualTo(Observed.none(Status.TIMED_OUT, "No answer (offering [http/1.1])"));
	}

	@Test
	void answerHasFeaturesExactlyForAServerHello() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Answer(new ServerHelloReceived(0x0303, 0xC02F, null), null));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Answer(new TimedOut(), new ServerHelloFeatures(0, false, null)));
	}

	private static Answer hello(int version, int suite, ServerHelloFeatures features) {
		return new Answer(new ServerHelloReceived(version, suite, null), features);
	}

	private static Answer alert(int description) {
		return new Answer(new AlertReceived(2, description), null);
	}

}
