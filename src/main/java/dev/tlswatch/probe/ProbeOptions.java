package dev.tlswatch.probe;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * How to probe.
 *
 * @param connectTimeout bound on the TCP connect
 * @param handshakeTimeout bound on the STARTTLS dialogue, if any, and the whole TLS
 * handshake together, however slowly the peer sends
 * @param extraTrustAnchors trust anchors accepted in addition to the JDK's default trust
 * store (private CAs)
 * @param clock the clock that decides whether a certificate is valid "now"
 * @param clientIdentity the certificate and key to present when a server asks for one
 * (mutual TLS), {@code null} to present none
 * @param issuerFetch the policy every address of a caIssuers URL (RFC 5280 §4.2.2.1)
 * passes when a chain misses its issuer and the probe fetches it; {@code null} never to
 * fetch one
 * @param watch sees every connection before it opens and how it ended: paces a
 * rate-limited server's probes and counts what it cut
 */
public record ProbeOptions(Duration connectTimeout, Duration handshakeTimeout, List<X509Certificate> extraTrustAnchors,
		Clock clock, @Nullable ClientIdentity clientIdentity, @Nullable AddressPolicy issuerFetch,
		ConnectionWatch watch) {

	public ProbeOptions {
		Objects.requireNonNull(connectTimeout, "connectTimeout");
		Objects.requireNonNull(handshakeTimeout, "handshakeTimeout");
		Objects.requireNonNull(clock, "clock");
		Objects.requireNonNull(watch, "watch");
		if (connectTimeout.isNegative() || connectTimeout.isZero() || handshakeTimeout.isNegative()
				|| handshakeTimeout.isZero()) {
			throw new IllegalArgumentException("Timeouts must be positive");
		}
		extraTrustAnchors = List.copyOf(extraTrustAnchors);
	}

	/**
	 * Options whose connections nobody watches.
	 * @param connectTimeout bound on the TCP connect
	 * @param handshakeTimeout bound on the STARTTLS dialogue and the TLS handshake
	 * @param extraTrustAnchors trust anchors in addition to the JDK's
	 * @param clock the clock
	 * @param clientIdentity the client certificate and key, {@code null} for none
	 * @param issuerFetch the policy of a caIssuers fetch, {@code null} never to fetch
	 */
	public ProbeOptions(Duration connectTimeout, Duration handshakeTimeout, List<X509Certificate> extraTrustAnchors,
			Clock clock, @Nullable ClientIdentity clientIdentity, @Nullable AddressPolicy issuerFetch) {
		this(connectTimeout, handshakeTimeout, extraTrustAnchors, clock, clientIdentity, issuerFetch,
				ConnectionWatch.NONE);
	}

	/**
	 * Options that fetch no missing issuer.
	 * @param connectTimeout bound on the TCP connect
	 * @param handshakeTimeout bound on the STARTTLS dialogue and the TLS handshake
	 * @param extraTrustAnchors trust anchors in addition to the JDK's
	 * @param clock the clock
	 * @param clientIdentity the client certificate and key, {@code null} for none
	 */
	public ProbeOptions(Duration connectTimeout, Duration handshakeTimeout, List<X509Certificate> extraTrustAnchors,
			Clock clock, @Nullable ClientIdentity clientIdentity) {
		this(connectTimeout, handshakeTimeout, extraTrustAnchors, clock, clientIdentity, null);
	}

	/**
	 * Options without a client identity.
	 * @param connectTimeout bound on the TCP connect
	 * @param handshakeTimeout bound on the STARTTLS dialogue and the TLS handshake
	 * @param extraTrustAnchors trust anchors in addition to the JDK's
	 * @param clock the clock
	 */
	public ProbeOptions(Duration connectTimeout, Duration handshakeTimeout, List<X509Certificate> extraTrustAnchors,
			Clock clock) {
		this(connectTimeout, handshakeTimeout, extraTrustAnchors, clock, null);
	}

	/** Connect 5 s, handshake 10 s, JDK trust store only, system clock. */
	public static ProbeOptions defaults() {
		return new ProbeOptions(Duration.ofSeconds(5), Duration.ofSeconds(10), List.of(), Clock.systemUTC());
	}

	public ProbeOptions withExtraTrustAnchors(List<X509Certificate> anchors) {
		return new ProbeOptions(this.connectTimeout, this.handshakeTimeout, anchors, this.clock, this.clientIdentity,
				this.issuerFetch, this.watch);
	}

	public ProbeOptions withClock(Clock clock) {
		return new ProbeOptions(this.connectTimeout, this.handshakeTimeout, this.extraTrustAnchors, clock,
				this.clientIdentity, this.issuerFetch, this.watch);
	}

	public ProbeOptions withClientIdentity(@Nullable ClientIdentity identity) {
		return new ProbeOptions(this.connectTimeout, this.handshakeTimeout, this.extraTrustAnchors, this.clock,
				identity, this.issuerFetch, this.watch);
	}

	/**
	 * Fetch an issuer the server did not send from the caIssuers URL of the certificate
	 * it issued, contacting only addresses the policy allows.
	 * @param policy judges each address, {@code null} never to fetch
	 * @return the options
	 */
	public ProbeOptions withIssuerFetch(@Nullable AddressPolicy policy) {
		return new ProbeOptions(this.connectTimeout, this.handshakeTimeout, this.extraTrustAnchors, this.clock,
				this.clientIdentity, policy, this.watch);
	}

	public ProbeOptions withWatch(ConnectionWatch watch) {
		return new ProbeOptions(this.connectTimeout, this.handshakeTimeout, this.extraTrustAnchors, this.clock,
				this.clientIdentity, this.issuerFetch, watch);
	}

}
