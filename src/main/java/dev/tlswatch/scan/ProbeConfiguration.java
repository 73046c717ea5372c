package dev.tlswatch.scan;

import dev.tlswatch.probe.TlsProber;
import dev.tlswatch.probe.VersionProber;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Spring wiring of the plain-Java probe engine.
 */
@Configuration(proxyBeanMethods = false)
class ProbeConfiguration {

	@Bean
	TlsProber tlsProber() {
		return TlsProber.jsse();
	}

	@Bean
	VersionProber versionProber() {
		return VersionProber.wire();
	}

}
