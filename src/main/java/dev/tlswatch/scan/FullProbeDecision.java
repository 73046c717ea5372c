package dev.tlswatch.scan;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import dev.tlswatch.probe.HandshakeFingerprint;
import dev.tlswatch.probe.HandshakeOutcome;
import dev.tlswatch.probe.ProbeReport;
import dev.tlswatch.scan.ScanRunner.CompletedRun;
import dev.tlswatch.scan.ScanRunner.DeniedTarget;
import org.jspecify.annotations.Nullable;

/**
 * Whether a quick check may stand for a full probe: only when it saw exactly what the
 * last full probe saw. Any difference (another address, an address that answered
 * otherwise, another fingerprint, another verdict on the chain's trust or name) calls for
 * the full probe, in the same firing. An address that still fails as the last full probe
 * saw it fail (the same outcome: refused, timed out) stands: a full probe of it would
 * stop at the same first handshake and learn nothing, so a dead or silent address costs
 * one quick check a firing, not a quick check and a full probe. Opens no connection.
 */
final class FullProbeDecision {

	private FullProbeDecision() {
	}

	/**
	 * Why the quick check cannot stand.
	 * @param quick the quick check
	 * @param lastFull the endpoint's last full probe
	 * @return the reason to run the full probe, empty when the quick check stands
	 */
	static Optional<String> reasonForFullProbe(CompletedRun quick, ScanDetails lastFull) {
		if (quick.resolveError() != null) {
			return Optional.of("the name did not resolve");
		}
		Set<@Nullable String> denied = new HashSet<>();
		quick.denied().stream().map(DeniedTarget::address).forEach(denied::add);
		Set<@Nullable String> deniedBefore = new HashSet<>();
		Map<String, AddressResult> before = new HashMap<>();
		for (AddressResult result : lastFull.results()) {
			if (result.outcome() == HandshakeOutcome.DENIED) {
				deniedBefore.add(result.address());
			}
			else if (result.address() != null) {
				before.put(result.address(), result);
			}
		}
		if (!denied.equals(deniedBefore)) {
			return Optional.of("the policy denies other addresses");
		}
		Set<String> addresses = new HashSet<>();
		for (ProbeReport report : quick.addresses()) {
			String address = report.target().address().getHostAddress();
			addresses.add(address);
			Optional<String> reason = reason(address, report, before.get(address));
			if (reason.isPresent()) {
				return reason;
			}
		}
		if (!addresses.equals(before.keySet())) {
			return Optional.of("the name resolves to other addresses");
		}
		return Optional.empty();
	}

	private static Optional<String> reason(String address, ProbeReport report, @Nullable AddressResult before) {
		if (before == null) {
			return Optional.of(address + " has no full probe yet");
		}
		if (report.handshake().outcome() != before.outcome()) {
			return Optional.of(address + " answered differently (" + report.handshake().outcome() + ")");
		}
		if (!report.answered()) {
			return Optional.empty();
		}
		HandshakeFingerprint fingerprint = report.fingerprint();
		if (fingerprint == null || !fingerprint.value().equals(before.fingerprint())) {
			return Optional.of(address + " serves another fingerprint");
		}
		if (report.handshake().trust() != before.trust()
				|| !Objects.equals(report.handshake().hostnameMatches(), before.hostnameMatches())) {
			return Optional.of(address + " has another verdict on its chain");
		}
		return Optional.empty();
	}

}
