package dev.tlswatch.scan;

import dev.tlswatch.probe.TlsEngine;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Spring wiring of the plain-Java probe engine.
 */
@Configuration(proxyBeanMethods = false)
class ProbeConfiguration {

	@Bean
	TlsEngine tlsEngine(ScanSettings settings) {
		return new TlsEngine(settings.connectionsPerAddress());
	}

}
