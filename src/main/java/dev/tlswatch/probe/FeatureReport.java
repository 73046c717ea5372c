package dev.tlswatch.probe;

import java.util.List;
import java.util.Objects;

/**
 * Four protocol features of one address, each from its own connection.
 *
 * @param alpn the application protocols the server chose (RFC 7301): offered
 * {@code [h2, http/1.1]} and then {@code [http/1.1]} alone, each choice once in that
 * order, so {@code [h2, http/1.1]}, {@code [h2]}, {@code [http/1.1]} or, when it chose
 * none, {@code []}
 * @param secureRenegotiation whether the server supports secure renegotiation (RFC 5746):
 * its ServerHello carries renegotiation_info
 * @param fallbackScsv whether the server refuses a fallback to a lower version than its
 * highest with inappropriate_fallback when the client sends TLS_FALLBACK_SCSV (RFC 7507)
 * @param compression whether the server compresses TLS records (CRIME): it chose DEFLATE
 * when offered
 * @param connections how many TCP connections the probe attempted
 */
public record FeatureReport(Observed<List<String>> alpn, Observed<Boolean> secureRenegotiation,
		Observed<Boolean> fallbackScsv, Observed<Boolean> compression, int connections) {

	public FeatureReport {
		Objects.requireNonNull(alpn, "alpn");
		Objects.requireNonNull(secureRenegotiation, "secureRenegotiation");
		Objects.requireNonNull(fallbackScsv, "fallbackScsv");
		Objects.requireNonNull(compression, "compression");
		List<String> protocols = alpn.value();
		if (protocols != null) {
			alpn = new Observed<>(List.copyOf(protocols), alpn.status(), alpn.detail());
		}
		if (connections < 0) {
			throw new IllegalArgumentException("Connections must not be negative, was " + connections);
		}
	}

}
