package dev.tlswatch;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * TLSWatch: a self-hosted dashboard that watches TLS endpoints, their certificates and
 * their protocol setup.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class TlsWatchApplication {

	public static void main(String[] args) {
		SpringApplication.run(TlsWatchApplication.class, args);
	}

}
