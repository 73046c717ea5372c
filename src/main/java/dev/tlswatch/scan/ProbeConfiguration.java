package dev.tlswatch.scan;

import dev.tlswatch.probe.RevocationChecker;
import dev.tlswatch.probe.TlsEngine;

import org.springframework.beans.factory.ObjectProvider;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Spring wiring of the plain-Java probe engine.
 */
@Configuration(proxyBeanMethods = false)
class ProbeConfiguration {

	/**
	 * The engine, with the application's revocation check unless
	 * {@code tlswatch.scan.revocation} is {@code false}.
	 */
	@Bean
	TlsEngine tlsEngine(ScanSettings settings, ObjectProvider<RevocationChecker> revocation) {
		RevocationChecker checker = settings.revocation() ? revocation.getIfAvailable(() -> RevocationChecker.OFF)
				: RevocationChecker.OFF;
		return new TlsEngine(settings.connectionsPerAddress(), checker);
	}

}
