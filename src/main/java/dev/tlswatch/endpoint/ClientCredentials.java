package dev.tlswatch.endpoint;

/**
 * An endpoint's client certificate chain and private key (PEM), for the scan alone. The
 * key never leaves the application: not in {@link EndpointDetails}, events, pages, the
 * API or logs; {@link #toString()} leaves it out.
 *
 * @param certificateChain the certificate chain, leaf first (PEM)
 * @param privateKey the private key of the leaf (PEM)
 */
public record ClientCredentials(String certificateChain, String privateKey) {

	@Override
	public String toString() {
		return "ClientCredentials[privateKey=(hidden)]";
	}

}
