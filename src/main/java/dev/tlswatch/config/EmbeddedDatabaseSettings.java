package dev.tlswatch.config;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the embedded PostgreSQL server that TLSWatch starts when no
 * {@code spring.datasource.url} is configured.
 *
 * @param enabled whether to start the embedded server at all when no datasource URL is
 * set
 * @param dataDirectory where the server keeps its files; kept across restarts
 * @param port the TCP port on the loopback interface, {@code 0} for any free port
 * @param watchInterval how often the server's process is looked at; a dead one is started
 * again on the same port
 */
@ConfigurationProperties("tlswatch.embedded-db")
record EmbeddedDatabaseSettings(@DefaultValue("true") boolean enabled,
		@DefaultValue("./data/postgres") Path dataDirectory, @DefaultValue("0") int port,
		@DefaultValue("2s") Duration watchInterval) {

}
