package dev.tlswatch.probe;

import org.jspecify.annotations.Nullable;

/**
 * Asks one address four questions about protocol features: ALPN, secure renegotiation,
 * TLS_FALLBACK_SCSV and compression. ALPN takes two connections, renegotiation and
 * compression share one (renegotiation asks again alone if that one gets no ServerHello),
 * TLS_FALLBACK_SCSV has its own; and each needs the versions the server accepts, as the
 * version sweeps ({@link CipherSuiteProber#sweep}) found them. Thread-safe. Never throws
 * for anything the peer or the network does: every such event is an {@link Observed}
 * status with its detail.
 */
public interface FeatureProber {

	/**
	 * Ask the four questions, at most five connections in all. Blocks for at most the
	 * connect timeout plus the handshake timeout of the options.
	 * @param target the address, port, SNI name and how TLS starts
	 * @param options the timeouts; trust anchors and clock are not used
	 * @param highestAccepted the highest version the server accepts (SSL 3.0 or newer)
	 * @param secondHighestAccepted the next lower version it accepts, {@code null} if it
	 * accepts only one
	 * @return the four observations and the number of connections
	 * @throws IllegalArgumentException if a version is SSL 2.0 or the second is not lower
	 * than the highest
	 */
	FeatureReport probe(ProbeTarget target, ProbeOptions options, TlsVersion highestAccepted,
			@Nullable TlsVersion secondHighestAccepted);

	/**
	 * Ask the questions that a suite enumeration has not already answered: a known answer
	 * from hellos of the version the prober would ask in is taken as it is, and its
	 * connection is not spent again.
	 * @param target the address, port, SNI name and how TLS starts
	 * @param options the timeouts
	 * @param highestAccepted the highest version the server accepts
	 * @param secondHighestAccepted the next lower version, {@code null} if none
	 * @param known answers already found
	 * @return the four observations and the connections this call used
	 */
	default FeatureReport probe(ProbeTarget target, ProbeOptions options, TlsVersion highestAccepted,
			@Nullable TlsVersion secondHighestAccepted, FeatureAnswers known) {
		return probe(target, options, highestAccepted, secondHighestAccepted);
	}

}
