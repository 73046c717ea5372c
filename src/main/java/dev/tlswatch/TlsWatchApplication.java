package dev.tlswatch;

import java.util.List;

import dev.tlswatch.cli.ProbeCommand;

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
		if (args.length > 0 && args[0].equals(ProbeCommand.NAME)) {
			// The probe engine alone: no web application, no database.
			System.exit(new ProbeCommand(System.out, System.err).run(List.of(args).subList(1, args.length)));
		}
		SpringApplication.run(TlsWatchApplication.class, args);
	}

}
