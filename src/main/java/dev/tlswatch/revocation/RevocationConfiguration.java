package dev.tlswatch.revocation;

import java.time.Duration;

import dev.tlswatch.endpoint.PolicyDecision;
import dev.tlswatch.endpoint.ScanTargetPolicy;
import dev.tlswatch.probe.RevocationChecker;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The application's revocation check: every fetch an OCSP or CRL pointer asks for passes
 * the scan target policy ({@code tlswatch.scan-policy.*}), like every scan connection.
 * The scan module decides whether it is used ({@code tlswatch.scan.revocation}).
 */
@Configuration(proxyBeanMethods = false)
class RevocationConfiguration {

	/** Bound on each connect to an OCSP responder or CRL server. */
	static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

	/** Bound on each whole HTTP exchange with one. */
	static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

	@Bean
	RevocationChecker revocationChecker(ScanTargetPolicy policy) {
		return new OnlineRevocationChecker(RevocationLimits.of(CONNECT_TIMEOUT, READ_TIMEOUT), (address) -> {
			PolicyDecision decision = policy.checkAddress(address);
			return decision.allowed() ? null : "scan target policy: " + decision.reason();
		});
	}

}
