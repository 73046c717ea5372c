package dev.tlswatch.probe.wire;

import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.tlswatch.probe.CipherSuite;
import dev.tlswatch.probe.SuiteEnumeration;
import dev.tlswatch.probe.TlsVersion;
import dev.tlswatch.probe.Vulnerability;
import dev.tlswatch.probe.VulnerabilityResult;
import dev.tlswatch.probe.wire.RawSession.Record;

/**
 * What the vulnerability checks share.
 */
final class Checks {

	private Checks() {
	}

	/**
	 * The verdict of a check that needs a version before TLS 1.3 when none was accepted.
	 * @param vulnerability the check
	 * @param suites the accepted suites per accepted version
	 * @return not vulnerable for a TLS 1.3-only server, otherwise not tested
	 */
	static VulnerabilityResult noOlderVersion(Vulnerability vulnerability, Map<TlsVersion, SuiteEnumeration> suites) {
		if (suites.keySet().equals(Set.of(TlsVersion.TLS_1_3))) {
			return VulnerabilityResult.notVulnerable(vulnerability, "TLS 1.3 only", 0);
		}
		return VulnerabilityResult.notTested(vulnerability, "No accepted suite of SSL 3.0 to TLS 1.2 is known", 0);
	}

	/**
	 * The suites of TLS 1.2 the server accepts that {@link Tls12Handshake} can complete a
	 * handshake with.
	 * @param suites the accepted suites per accepted version
	 * @return their codes, empty if none
	 */
	static List<Integer> handshakeSuites(Map<TlsVersion, SuiteEnumeration> suites) {
		SuiteEnumeration tls12 = suites.get(TlsVersion.TLS_1_2);
		if (tls12 == null) {
			return List.of();
		}
		return tls12.accepted().stream().map(CipherSuite::code).filter(Tls12Handshake.SUITES::contains).toList();
	}

	/**
	 * The answer of a check that needs a completed TLS 1.2 handshake when the server
	 * accepts none of the suites {@link Tls12Handshake} can complete.
	 * @param vulnerability the check's vulnerability
	 * @return not tested, after no connection
	 */
	static VulnerabilityResult noHandshakeSuite(Vulnerability vulnerability) {
		return VulnerabilityResult.notTested(vulnerability,
				"No TLS 1.2 suite this check can complete a handshake with (AES-128-CBC-SHA with RSA or ECDHE)", 0);
	}

	/**
	 * An alert record in words.
	 * @param record the record
	 * @return such as {@code alert unexpected_message (10)}
	 */
	static String alert(Record record) {
		byte[] fragment = record.fragment();
		if (fragment.length != AlertDescription.LENGTH) {
			return "an alert record of " + record.length() + " bytes";
		}
		return "alert " + AlertDescription.describe(fragment[0] & 0xFF, fragment[1] & 0xFF);
	}

	/**
	 * The description of an alert record.
	 * @param record the record
	 * @return the description code, -1 if it is not one alert
	 */
	static int alertDescription(Record record) {
		byte[] fragment = record.fragment();
		return (fragment.length == AlertDescription.LENGTH) ? fragment[1] & 0xFF : -1;
	}

}
