package dev.tlswatch.probe;

/**
 * How an attempt to reach an address and shake hands with it ended.
 */
public enum HandshakeOutcome {

	/** The TLS handshake completed. */
	OK,

	/**
	 * The peer refused the TCP connection (RST), or the network said it is unreachable.
	 */
	CONNECTION_REFUSED,

	/**
	 * The TCP connect, or the STARTTLS dialogue and TLS handshake, did not finish within
	 * its timeout.
	 */
	TIMEOUT,

	/**
	 * The name did not resolve to any address. Reported by resolvers, never by a probe.
	 */
	DNS_FAILURE,

	/**
	 * TCP connected but the TLS handshake failed (alert, reset, garbage, no common
	 * version).
	 */
	TLS_FAILURE,

	/**
	 * TCP connected but the plaintext upgrade dialogue did not get to TLS: the server
	 * refused STARTTLS, did not offer it, closed the connection or answered outside its
	 * protocol.
	 */
	STARTTLS_FAILED,

	/** Anything else, for example a local error. */
	ERROR,

	/**
	 * The address was not contacted: the caller's scan target policy does not allow it.
	 * Reported by a caller that checks a policy before probing, never by a probe.
	 */
	DENIED;

	/**
	 * Whether the attempt reached the server's TLS, or its upgrade dialogue's answer to
	 * TLS: only then are further probes worth a connection.
	 * @return whether the server answered
	 */
	public boolean answered() {
		return switch (this) {
			case OK, TLS_FAILURE, ERROR -> true;
			case CONNECTION_REFUSED, TIMEOUT, DNS_FAILURE, STARTTLS_FAILED, DENIED -> false;
		};
	}

}
