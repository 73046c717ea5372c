package dev.tlswatch.config;

import java.io.IOException;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

/**
 * Starts an embedded PostgreSQL server with a persistent data directory when no
 * {@code spring.datasource.url} is configured, so that TLSWatch runs on a bare machine.
 * It only publishes {@link JdbcConnectionDetails}: Boot's own pool, Flyway, JPA and
 * Quartz set-up stays unchanged. If the server's process dies, it is started again on the
 * same port ({@link EmbeddedPostgresSupervisor}).
 */
@AutoConfiguration(before = DataSourceAutoConfiguration.class)
@ConditionalOnBooleanProperty(name = "tlswatch.embedded-db.enabled", matchIfMissing = true)
@Conditional(NoDatasourceUrlCondition.class)
@ConditionalOnMissingBean(JdbcConnectionDetails.class)
@EnableConfigurationProperties(EmbeddedDatabaseSettings.class)
class EmbeddedPostgresAutoConfiguration {

	@Bean(destroyMethod = "close")
	EmbeddedPostgresSupervisor embeddedPostgres(EmbeddedDatabaseSettings settings) throws IOException {
		return new EmbeddedPostgresSupervisor(settings.dataDirectory(), settings.port(), settings.watchInterval());
	}

	@Bean
	JdbcConnectionDetails embeddedPostgresConnectionDetails(EmbeddedPostgresSupervisor postgres) {
		return PostgresConnectionDetails.embedded(postgres.port());
	}

}
