package dev.tlswatch.probe;

import java.security.cert.X509Certificate;
import java.util.List;

import dev.tlswatch.probe.cert.ChainAnalysis;
import dev.tlswatch.probe.grade.SslLabsGrader;
import dev.tlswatch.probe.wire.VulnerabilityProbes;
import dev.tlswatch.probe.jsse.AlpnHandshake;
import dev.tlswatch.probe.jsse.HstsProbe;
import dev.tlswatch.probe.jsse.JsseTlsProber;
import dev.tlswatch.probe.wire.ChachaPreferenceProbe;
import dev.tlswatch.probe.wire.CipherSuiteProbe;
import dev.tlswatch.probe.wire.GroupProbe;
import dev.tlswatch.probe.wire.ProtocolFeatureProbe;
import dev.tlswatch.probe.wire.ProtocolVersionProbe;
import dev.tlswatch.probe.wire.ServerHelloTap;
import dev.tlswatch.probe.wire.Ssl2Probe;

/**
 * The one place that builds the engine: it picks the implementation of every prober
 * interface (the JSSE handshakes of {@code probe.jsse}, the raw-ClientHello probes of
 * {@code probe.wire}) and the grader of {@code probe.grade}, and wires them together.
 * Interfaces and value types never name an implementation, and the implementations never
 * name each other across sub-packages; what one needs of another (the wire feature
 * probe's TLS 1.3 ALPN question, answered by a JSSE handshake) is passed in here.
 */
public final class Probers {

	private Probers() {
	}

	/**
	 * The engine with the JSSE handshake, the wire probes and the given cap.
	 * @param connectionsPerAddress connections open at once to one address, at least 1
	 * @return the engine
	 */
	public static TlsEngine engine(int connectionsPerAddress) {
		return new TlsEngine(connectionsPerAddress);
	}

	/**
	 * The handshake that captures the chain as sent: JSSE.
	 * @return the prober
	 */
	public static TlsProber handshakes() {
		return new JsseTlsProber(ServerHelloTap::read);
	}

	/**
	 * The cipher suite sweeps: raw ClientHellos.
	 * @return the prober
	 */
	public static CipherSuiteProber cipherSuites() {
		return new CipherSuiteProbe();
	}

	/**
	 * The key exchange group enumeration: raw ClientHellos.
	 * @return the prober
	 */
	public static GroupProber groups() {
		return new GroupProbe();
	}

	/**
	 * The protocol feature questions (ALPN, renegotiation, fallback SCSV, compression):
	 * raw ClientHellos, and a JSSE handshake for the ALPN choice of a TLS 1.3-only
	 * server.
	 * @param maxConnectionsAtOnce connections open at once, at least 1
	 * @return the prober
	 */
	public static FeatureProber features(int maxConnectionsAtOnce) {
		return new ProtocolFeatureProbe(maxConnectionsAtOnce, AlpnHandshake::chosenProtocol);
	}

	/**
	 * The protocol feature questions, all asked at once.
	 * @return the prober
	 */
	public static FeatureProber features() {
		return features(Integer.MAX_VALUE);
	}

	/**
	 * The HSTS question: one HTTPS request over JSSE.
	 * @return the prober
	 */
	public static HstsProber hsts() {
		return HstsProbe::probe;
	}

	/**
	 * The SSL 2.0 question: an SSL 2.0 CLIENT-HELLO.
	 * @return the prober
	 */
	public static Ssl2Prober ssl2() {
		return new Ssl2Probe();
	}

	/**
	 * The ChaCha20 preference question: raw ClientHellos.
	 * @return the prober
	 */
	public static ChachaPreferenceProber chachaPreference() {
		return new ChachaPreferenceProbe();
	}

	/**
	 * The quick versions-only check: one raw ClientHello per version.
	 * @return the prober
	 */
	public static VersionProber versions() {
		return new ProtocolVersionProbe();
	}

	/**
	 * Grade observations after the public SSL Labs rating guide; opens no connection.
	 * @param input what is known
	 * @return the grade
	 */
	public static Grade grade(GradeInput input) {
		return SslLabsGrader.grade(input);
	}

	/**
	 * Grade the observations of one address and the vulnerabilities found there: each
	 * that SSL Labs' guide caps (Heartbleed, CCS injection, Ticketbleed, ROBOT, POODLE,
	 * FREAK, Logjam, DROWN) caps the grade too.
	 * @param input what was observed
	 * @param vulnerabilities the vulnerability verdicts
	 * @return the grade
	 */
	public static Grade grade(GradeInput input, List<VulnerabilityResult> vulnerabilities) {
		return SslLabsGrader.grade(input, vulnerabilities);
	}

	/**
	 * The vulnerability checks that write their own records: Heartbleed, CCS injection,
	 * Ticketbleed, ROBOT, client-initiated renegotiation and Logjam.
	 * @return thread-safe checks
	 */
	public static List<VulnerabilityCheck> vulnerabilityChecks() {
		return VulnerabilityProbes.all();
	}

	/**
	 * A handshake observation completed with a chain read from the wire (for a server the
	 * JDK could not finish a handshake with): trust, name match and chain analysis as for
	 * any other chain.
	 * @param handshake the observation without a chain
	 * @param chain the certificates as sent, leaf first
	 * @param expectedName the name the leaf must match
	 * @param options the probe options (trust anchors)
	 * @return the completed observation
	 */
	public static HandshakeObservation withAnalysedChain(HandshakeObservation handshake, List<X509Certificate> chain,
			String expectedName, ProbeOptions options) {
		ChainAnalysis analysis = ChainAnalysis.of(chain, expectedName, options);
		return handshake.withChain(analysis.chain(), analysis.trust(), analysis.trustError(),
				analysis.hostnameMatches(), analysis.report());
	}

}
