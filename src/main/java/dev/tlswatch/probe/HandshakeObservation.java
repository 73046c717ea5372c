package dev.tlswatch.probe;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * What one handshake with one address showed. The chain is recorded whenever the server
 * sent one, even when the handshake failed later or the chain is not trusted.
 *
 * @param target what was probed
 * @param outcome how the attempt ended
 * @param error the error text when the outcome is not {@link HandshakeOutcome#OK}
 * (bounded, as received), otherwise {@code null}
 * @param protocol the negotiated protocol ({@code TLSv1.3}...), {@code null} without a
 * completed handshake
 * @param cipherSuite the negotiated cipher suite's IANA name, {@code null} without a
 * completed handshake
 * @param connectTime time to establish TCP, {@code null} when it did not connect
 * @param handshakeTime time of the TLS handshake, {@code null} when it did not complete
 * @param chain the certificates exactly as sent, leaf first; empty when none was received
 * @param trust whether the chain is trusted
 * @param trustError why the chain is not trusted, {@code null} when trusted or unknown
 * @param hostnameMatches whether the leaf matches {@link ProbeTarget#expectedName()},
 * {@code null} when no certificate was received
 * @param chainReport what is wrong with the chain, {@link ChainReport#NONE} without one
 */
public record HandshakeObservation(ProbeTarget target, HandshakeOutcome outcome, @Nullable String error,
		@Nullable String protocol, @Nullable String cipherSuite, @Nullable Duration connectTime,
		@Nullable Duration handshakeTime, List<CertificateInfo> chain, TrustStatus trust, @Nullable String trustError,
		@Nullable Boolean hostnameMatches, ChainReport chainReport) {

	public HandshakeObservation {
		Objects.requireNonNull(target, "target");
		Objects.requireNonNull(outcome, "outcome");
		Objects.requireNonNull(trust, "trust");
		Objects.requireNonNull(chainReport, "chainReport");
		chain = List.copyOf(chain);
	}

	/**
	 * An observation without a chain report, for attempts that received no certificate.
	 */
	public HandshakeObservation(ProbeTarget target, HandshakeOutcome outcome, @Nullable String error,
			@Nullable String protocol, @Nullable String cipherSuite, @Nullable Duration connectTime,
			@Nullable Duration handshakeTime, List<CertificateInfo> chain, TrustStatus trust,
			@Nullable String trustError, @Nullable Boolean hostnameMatches) {
		this(target, outcome, error, protocol, cipherSuite, connectTime, handshakeTime, chain, trust, trustError,
				hostnameMatches, ChainReport.NONE);
	}

}
