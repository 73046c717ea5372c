package dev.tlswatch.scan;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.tlswatch.probe.HandshakeFingerprint;
import dev.tlswatch.probe.HandshakeObservation;
import dev.tlswatch.probe.HandshakeOutcome;
import dev.tlswatch.probe.Observed;
import dev.tlswatch.probe.ProbeReport;
import dev.tlswatch.probe.ProbeTarget;
import dev.tlswatch.probe.TrustStatus;
import dev.tlswatch.scan.ScanRunner.CompletedRun;
import dev.tlswatch.scan.ScanRunner.DeniedTarget;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The decision whether a quick check stands for the last full probe, on hand-built input:
 * it stands only when it saw exactly what the full probe saw.
 */
class FullProbeDecisionTests {

	private static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");

	private static final HandshakeFingerprint SERVED = new HandshakeFingerprint(List.of("aa11"), "TLSv1.3",
			"TLS_AES_128_GCM_SHA256", "x25519", List.of(43, 51));

	@Test
	void theSameFingerprintTrustAndAddressesStand() {
		assertThat(FullProbeDecision.reasonForFullProbe(quick(report("192.0.2.1", SERVED, TrustStatus.TRUSTED)),
				full(stored("192.0.2.1", SERVED, TrustStatus.TRUSTED))))
			.isEmpty();
	}

	@Test
	void anotherFingerprintCallsForTheFullProbe() {
		HandshakeFingerprint renewed = new HandshakeFingerprint(List.of("bb22"), "TLSv1.3", "TLS_AES_128_GCM_SHA256",
				"x25519", List.of(43, 51));
		assertThat(FullProbeDecision.reasonForFullProbe(quick(report("192.0.2.1", renewed, TrustStatus.TRUSTED)),
				full(stored("192.0.2.1", SERVED, TrustStatus.TRUSTED))))
			.hasValue("192.0.2.1 serves another fingerprint");
	}

	@Test
	void anotherGroupOrExtensionSetIsAnotherFingerprint() {
		HandshakeFingerprint otherGroup = new HandshakeFingerprint(List.of("aa11"), "TLSv1.3", "TLS_AES_128_GCM_SHA256",
				"secp256r1", List.of(43, 51));
		assertThat(otherGroup.value()).isNotEqualTo(SERVED.value());
		assertThat(new HandshakeFingerprint(List.of("aa11"), "TLSv1.3", "TLS_AES_128_GCM_SHA256", "x25519",
				List.of(51, 43))
			.value()).isNotEqualTo(SERVED.value());
	}

	@Test
	void aChainThatExpiredSinceCallsForTheFullProbe() {
		assertThat(FullProbeDecision.reasonForFullProbe(quick(report("192.0.2.1", SERVED, TrustStatus.EXPIRED)),
				full(stored("192.0.2.1", SERVED, TrustStatus.TRUSTED))))
			.hasValue("192.0.2.1 has another verdict on its chain");
	}

	@Test
	void aNewOrVanishedAddressCallsForTheFullProbe() {
		ScanDetails lastFull = full(stored("192.0.2.1", SERVED, TrustStatus.TRUSTED));
		assertThat(FullProbeDecision.reasonForFullProbe(quick(report("192.0.2.1", SERVED, TrustStatus.TRUSTED),
				report("192.0.2.2", SERVED, TrustStatus.TRUSTED)), lastFull))
			.hasValue("192.0.2.2 has no full probe yet");
		assertThat(FullProbeDecision.reasonForFullProbe(quick(report("192.0.2.1", SERVED, TrustStatus.TRUSTED)),
				full(stored("192.0.2.1", SERVED, TrustStatus.TRUSTED),
						stored("192.0.2.2", SERVED, TrustStatus.TRUSTED))))
			.hasValue("the name resolves to other addresses");
	}

	@Test
	void anAddressThatDidNotAnswerCallsForTheFullProbe() {
		ProbeReport refused = unanswered("192.0.2.1", HandshakeOutcome.CONNECTION_REFUSED, 2);
		assertThat(FullProbeDecision.reasonForFullProbe(quick(refused),
				full(stored("192.0.2.1", SERVED, TrustStatus.TRUSTED))))
			.hasValueSatisfying((reason) -> assertThat(reason).startsWith("192.0.2.1 answered differently"));
	}

	@Test
	void anAddressThatStillFailsAsItsLastFullProbeSawStands() {
		ProbeReport silent = unanswered("192.0.2.1", HandshakeOutcome.TIMEOUT, 1);
		ProbeReport refused = unanswered("192.0.2.1", HandshakeOutcome.CONNECTION_REFUSED, 2);
		ScanDetails timedOutBefore = full(failed("192.0.2.1", HandshakeOutcome.TIMEOUT));

		assertThat(FullProbeDecision.reasonForFullProbe(quick(silent), timedOutBefore)).isEmpty();
		assertThat(FullProbeDecision.reasonForFullProbe(quick(refused), timedOutBefore))
			.hasValue("192.0.2.1 answered differently (CONNECTION_REFUSED)");
		assertThat(FullProbeDecision.reasonForFullProbe(quick(report("192.0.2.1", SERVED, TrustStatus.TRUSTED)),
				timedOutBefore))
			.hasValue("192.0.2.1 answered differently (OK)");
	}

	@Test
	void aNameThatNoLongerResolvesOrAnotherPolicyCallsForTheFullProbe() {
		ScanDetails lastFull = full(stored("192.0.2.1", SERVED, TrustStatus.TRUSTED));
		assertThat(FullProbeDecision.reasonForFullProbe(
				CompletedRun.unresolved(1, ScanTrigger.SCHEDULED, AT, AT, "no such name", ScanKind.QUICK), lastFull))
			.hasValue("the name did not resolve");
		CompletedRun denied = new CompletedRun(1, ScanTrigger.SCHEDULED, AT, AT,
				List.of(report("192.0.2.1", SERVED, TrustStatus.TRUSTED)), null,
				List.of(new DeniedTarget("192.0.2.9", "private")), ScanKind.QUICK);
		assertThat(FullProbeDecision.reasonForFullProbe(denied, lastFull))
			.hasValue("the policy denies other addresses");
	}

	private static CompletedRun quick(ProbeReport... reports) {
		return new CompletedRun(1, ScanTrigger.SCHEDULED, AT, AT, List.of(reports), null, List.of(), ScanKind.QUICK);
	}

	private static ScanDetails full(AddressResult... results) {
		return new ScanDetails(7, 1, ScanTrigger.SCHEDULED, AT.minusSeconds(3600), AT.minusSeconds(3590),
				HandshakeOutcome.OK, null, List.of(results));
	}

	private static ProbeReport report(String address, HandshakeFingerprint fingerprint, TrustStatus trust) {
		ProbeTarget target = target(address);
		HandshakeObservation handshake = new HandshakeObservation(target, HandshakeOutcome.OK, null, "TLSv1.3",
				"TLS_AES_128_GCM_SHA256", Duration.ofMillis(1), Duration.ofMillis(5), List.of(), trust, null, true);
		return new ProbeReport(target, handshake, List.of(), Map.of(), List.of(), null, null, 1, Duration.ZERO,
				Observed.none(Observed.Status.COULD_NOT_TEST, "Quick check"), null, Map.of(), List.of(), fingerprint,
				null);
	}

	private static AddressResult stored(String address, HandshakeFingerprint fingerprint, TrustStatus trust) {
		return new AddressResult(address, HandshakeOutcome.OK, null, "TLSv1.3", "TLS_AES_128_GCM_SHA256", 1, 5, trust,
				null, true, List.of(), ChainReportDetails.NONE, List.of(), null, 35, null, null, null, null, List.of(),
				List.of(), fingerprint.value(), AT.minusSeconds(3600), null);
	}

	private static ProbeReport unanswered(String address, HandshakeOutcome outcome, int connections) {
		ProbeTarget target = target(address);
		return new ProbeReport(target,
				new HandshakeObservation(target, outcome, outcome.name(), null, null, null, null, List.of(),
						TrustStatus.UNKNOWN, null, null),
				List.of(), Map.of(), List.of(), null, null, connections, Duration.ZERO);
	}

	private static AddressResult failed(String address, HandshakeOutcome outcome) {
		return new AddressResult(address, outcome, "Read timed out", null, null, null, null, TrustStatus.UNKNOWN, null,
				null, List.of(), ChainReportDetails.NONE, List.of(), null, 1, null, null, null, null, List.of(),
				List.of(), null, AT.minusSeconds(3600), null);
	}

	private static ProbeTarget target(String address) {
		try {
			return new ProbeTarget(InetAddress.getByName(address), 443, "example.com", "example.com");
		}
		catch (java.net.UnknownHostException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
