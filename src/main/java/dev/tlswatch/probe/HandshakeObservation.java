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
 * @param ocspStapled whether the server stapled a usable OCSP response (RFC 6066 §8, RFC
 * 8446 §4.4.2.1) to the handshake; not known without a completed handshake
 * @param clientCertificateRequested whether the server sent a CertificateRequest (RFC
 * 8446 §4.3.2, RFC 5246 §7.4.4); {@code null} when the handshake did not get that far
 * @param clientCertificateAuthorities the distinguished names (RFC 2253) of the
 * certificate authorities the request named, when they were read; empty otherwise
 * @param staples the OCSP responses the server stapled, as received, by the position of
 * their certificate; empty when none (or no completed handshake); judged by the
 * revocation check, which uses a staple only when it is valid
 */
public record HandshakeObservation(ProbeTarget target, HandshakeOutcome outcome, @Nullable String error,
		@Nullable String protocol, @Nullable String cipherSuite, @Nullable Duration connectTime,
		@Nullable Duration handshakeTime, List<CertificateInfo> chain, TrustStatus trust, @Nullable String trustError,
		@Nullable Boolean hostnameMatches, ChainReport chainReport, Observed<Boolean> ocspStapled,
		@Nullable Boolean clientCertificateRequested, List<String> clientCertificateAuthorities,
		List<OcspStaple> staples) {

	private static final Observed<Boolean> STAPLING_NOT_TESTED = Observed.none(Observed.Status.COULD_NOT_TEST,
			"No completed handshake");

	public HandshakeObservation {
		Objects.requireNonNull(target, "target");
		Objects.requireNonNull(ocspStapled, "ocspStapled");
		Objects.requireNonNull(outcome, "outcome");
		Objects.requireNonNull(trust, "trust");
		Objects.requireNonNull(chainReport, "chainReport");
		chain = List.copyOf(chain);
		clientCertificateAuthorities = List.copyOf(clientCertificateAuthorities);
		staples = List.copyOf(staples);
	}

	/**
	 * An observation without the stapled responses themselves.
	 */
	public HandshakeObservation(ProbeTarget target, HandshakeOutcome outcome, @Nullable String error,
			@Nullable String protocol, @Nullable String cipherSuite, @Nullable Duration connectTime,
			@Nullable Duration handshakeTime, List<CertificateInfo> chain, TrustStatus trust,
			@Nullable String trustError, @Nullable Boolean hostnameMatches, ChainReport chainReport,
			Observed<Boolean> ocspStapled, @Nullable Boolean clientCertificateRequested,
			List<String> clientCertificateAuthorities) {
		this(target, outcome, error, protocol, cipherSuite, connectTime, handshakeTime, chain, trust, trustError,
				hostnameMatches, chainReport, ocspStapled, clientCertificateRequested, clientCertificateAuthorities,
				List.of());
	}

	/**
	 * An observation without what was seen of a client certificate request.
	 */
	public HandshakeObservation(ProbeTarget target, HandshakeOutcome outcome, @Nullable String error,
			@Nullable String protocol, @Nullable String cipherSuite, @Nullable Duration connectTime,
			@Nullable Duration handshakeTime, List<CertificateInfo> chain, TrustStatus trust,
			@Nullable String trustError, @Nullable Boolean hostnameMatches, ChainReport chainReport,
			Observed<Boolean> ocspStapled) {
		this(target, outcome, error, protocol, cipherSuite, connectTime, handshakeTime, chain, trust, trustError,
				hostnameMatches, chainReport, ocspStapled, null, List.of());
	}

	/**
	 * Whether the server asked for a client certificate and the handshake failed on it:
	 * the server requires one that the endpoint does not have (or does not accept the one
	 * it has).
	 * @return whether a requested client certificate was missing or refused
	 */
	public boolean clientCertificateRequired() {
		return Boolean.TRUE.equals(this.clientCertificateRequested) && this.outcome == HandshakeOutcome.TLS_FAILURE;
	}

	/**
	 * The same observation with another chain and its analysis, as read on the wire when
	 * the handshake itself received none.
	 * @param chain the facts of each certificate, in the order sent
	 * @param trust whether it is trusted
	 * @param trustError why not
	 * @param hostnameMatches whether the leaf matches
	 * @param chainReport what is wrong with it
	 * @return the copy
	 */
	public HandshakeObservation withChain(List<CertificateInfo> chain, TrustStatus trust, @Nullable String trustError,
			@Nullable Boolean hostnameMatches, ChainReport chainReport) {
		return new HandshakeObservation(this.target, this.outcome, this.error, this.protocol, this.cipherSuite,
				this.connectTime, this.handshakeTime, chain, trust, trustError, hostnameMatches, chainReport,
				this.ocspStapled, this.clientCertificateRequested, this.clientCertificateAuthorities, this.staples);
	}

	/**
	 * The same observation with what was seen of a client certificate request.
	 * @param requested whether a request was seen
	 * @param authorities the authorities it named
	 * @return the copy
	 */
	public HandshakeObservation withClientCertificateRequest(@Nullable Boolean requested, List<String> authorities) {
		return new HandshakeObservation(this.target, this.outcome, this.error, this.protocol, this.cipherSuite,
				this.connectTime, this.handshakeTime, this.chain, this.trust, this.trustError, this.hostnameMatches,
				this.chainReport, this.ocspStapled, requested, authorities, this.staples);
	}

	/**
	 * Whether the leaf demands OCSP stapling (RFC 7633) and the server was seen not to
	 * staple.
	 * @return {@code true} only when both are known
	 */
	public boolean mustStapleWithoutStaple() {
		return this.chainReport.mustStaple() && Boolean.FALSE.equals(this.ocspStapled.value());
	}

	/**
	 * An observation without a stapling observation.
	 */
	public HandshakeObservation(ProbeTarget target, HandshakeOutcome outcome, @Nullable String error,
			@Nullable String protocol, @Nullable String cipherSuite, @Nullable Duration connectTime,
			@Nullable Duration handshakeTime, List<CertificateInfo> chain, TrustStatus trust,
			@Nullable String trustError, @Nullable Boolean hostnameMatches, ChainReport chainReport) {
		this(target, outcome, error, protocol, cipherSuite, connectTime, handshakeTime, chain, trust, trustError,
				hostnameMatches, chainReport, STAPLING_NOT_TESTED);
	}

	/**
	 * An observation without a chain report, for attempts that received no certificate.
	 */
	public HandshakeObservation(ProbeTarget target, HandshakeOutcome outcome, @Nullable String error,
			@Nullable String protocol, @Nullable String cipherSuite, @Nullable Duration connectTime,
			@Nullable Duration handshakeTime, List<CertificateInfo> chain, TrustStatus trust,
			@Nullable String trustError, @Nullable Boolean hostnameMatches) {
		this(target, outcome, error, protocol, cipherSuite, connectTime, handshakeTime, chain, trust, trustError,
				hostnameMatches, ChainReport.NONE, STAPLING_NOT_TESTED);
	}

}
