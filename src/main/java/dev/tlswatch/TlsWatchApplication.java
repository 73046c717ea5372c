package dev.tlswatch;

import dev.tlswatch.cli.TlsWatchCli;

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
		if (TlsWatchCli.handles(args)) {
			// probe, --help, --version: no web application, no database, no ./data
			System.exit(TlsWatchCli.run(args, System.out, System.err));
		}
		SpringApplication.run(TlsWatchApplication.class, args);
	}

}
