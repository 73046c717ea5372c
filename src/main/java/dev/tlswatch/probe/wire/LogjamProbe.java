package dev.tlswatch.probe.wire;

import java.math.BigInteger;
import java.util.Map;
import java.util.Optional;

import dev.tlswatch.probe.CipherSuite;
import dev.tlswatch.probe.ProbeOptions;
import dev.tlswatch.probe.ProbeTarget;
import dev.tlswatch.probe.SuiteEnumeration;
import dev.tlswatch.probe.TlsVersion;
import dev.tlswatch.probe.Vulnerability;
import dev.tlswatch.probe.VulnerabilityCheck;
import dev.tlswatch.probe.VulnerabilityResult;
import dev.tlswatch.probe.wire.RawSession.Flight;
import dev.tlswatch.probe.wire.RawSession.NoFlight;

/**
 * Logjam (CVE-2015-4000): an accepted export DHE suite is vulnerable without a
 * connection; otherwise, when the server accepts DHE suites, one connection offers them
 * and reads the prime of its ServerKeyExchange (RFC 5246 §7.4.3): under
 * {@value #MIN_PRIME_BITS} bits is vulnerable, as SSL Labs judges it.
 */
final class LogjamProbe implements VulnerabilityCheck {

	/** The smallest DH prime that is not Logjam-weak. */
	static final int MIN_PRIME_BITS = 1024;

	@Override
	public Vulnerability vulnerability() {
		return Vulnerability.LOGJAM;
	}

	@Override
	public VulnerabilityResult check(ProbeTarget target, ProbeOptions options,
			Map<TlsVersion, SuiteEnumeration> suites) {
		Optional<CipherSuite> export = suites.values()
			.stream()
			.flatMap((enumeration) -> enumeration.accepted().stream())
			.filter((suite) -> suite.finiteFieldExchange() && suite.name().contains("_EXPORT"))
			.findFirst();
		if (export.isPresent()) {
			return VulnerabilityResult.vulnerable(Vulnerability.LOGJAM,
					"Export DHE suite accepted: " + export.get().name(), 0);
		}
		VulnerabilityOffer offer = VulnerabilityOffer.of(suites, CipherSuite::finiteFieldExchange);
		if (offer == null) {
			if (!suites.isEmpty() && suites.values().stream().allMatch(SuiteEnumeration::complete)) {
				return VulnerabilityResult.notVulnerable(Vulnerability.LOGJAM, "No DHE suite", 0);
			}
			return VulnerabilityResult.notTested(Vulnerability.LOGJAM, "No DHE suite is known", 0);
		}
		try (RawSession session = RawSession.open(target, options)) {
			Flight flight = session.flight(offer.hello(target).build());
			return verdict(flight);
		}
		catch (WireConnection.Failure | NoFlight ex) {
			return VulnerabilityResult.notTested(Vulnerability.LOGJAM, String.valueOf(ex.getMessage()), 1);
		}
	}

	private static VulnerabilityResult verdict(Flight flight) {
		byte[] keyExchange = flight.message(Handshakes.SERVER_KEY_EXCHANGE);
		if (keyExchange == null) {
			return VulnerabilityResult.notTested(Vulnerability.LOGJAM, "No ServerKeyExchange", 1);
		}
		try {
			// ServerDHParams: dh_p<1..2^16-1> comes first, RFC 5246 §7.4.3
			TlsReader prime = new TlsReader(keyExchange).u16Prefixed("dh_p");
			int bits = new BigInteger(1, prime.bytes(prime.remaining(), "dh_p")).bitLength();
			if (bits < MIN_PRIME_BITS) {
				return VulnerabilityResult.vulnerable(Vulnerability.LOGJAM, "DH prime of " + bits + " bits", 1);
			}
			return VulnerabilityResult.notVulnerable(Vulnerability.LOGJAM, "DH prime of " + bits + " bits", 1);
		}
		catch (MalformedMessageException ex) {
			return VulnerabilityResult.notTested(Vulnerability.LOGJAM, String.valueOf(ex.getMessage()), 1);
		}
	}

}
