package dev.tlswatch.probe;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * A client certificate chain and its private key, presented when a server asks for a
 * client certificate (mutual TLS). {@link #toString()} never shows the key.
 *
 * @param key the private key of the first certificate
 * @param chain the certificate chain to send, leaf first
 */
public record ClientIdentity(PrivateKey key, List<X509Certificate> chain) {

	public ClientIdentity {
		Objects.requireNonNull(key, "key");
		chain = List.copyOf(chain);
		if (chain.isEmpty()) {
			throw new IllegalArgumentException("A client identity needs at least its own certificate");
		}
	}

	/**
	 * The certificate presented.
	 * @return the first certificate of the chain
	 */
	public X509Certificate certificate() {
		return this.chain.get(0);
	}

	@Override
	public String toString() {
		return "ClientIdentity[" + certificate().getSubjectX500Principal().getName() + ", key=(hidden)]";
	}

}
