package dev.tlswatch.scan;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import javax.sql.DataSource;

import dev.tlswatch.probe.CipherStrength;
import dev.tlswatch.probe.Hsts;
import dev.tlswatch.probe.Observed;
import dev.tlswatch.probe.ServerOrder;
import dev.tlswatch.probe.TlsVersion;
import dev.tlswatch.support.TestDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V30 turns the JSON text columns of {@code scan_result} into {@code jsonb}: rows stored
 * in the old shape, as text, survive the migration and read back into the typed records.
 * Runs the real migrations on a database of its own.
 */
class JsonbMigrationTests {

	// The jsonb migration
	private static final MigrationVersion JSONB = MigrationVersion.fromVersion("30");

	private static final String OLD_CIPHER_SUPPORT = """
			{"suites":[{"version":"TLS_1_3","order":"SERVER","accepted":[{"name":"TLS_AES_128_GCM_SHA256","strength":"STRONG"}],
			"complete":true,"chachaPreference":false},{"version":"SSL_2_0","order":"UNKNOWN",
			"accepted":[{"name":"SSL_CK_RC4_128_WITH_MD5","strength":"INSECURE"}],"complete":true}],
			"groups":[{"name":"X25519MLKEM768","postQuantum":true}],
			"features":{"alpn":["h2"],"secureRenegotiation":true,"fallbackScsv":null,"compression":false}}""";

	private static final String OLD_HSTS_ENABLED = """
			{"state":"ENABLED","maxAge":31536000,"includeSubDomains":true,"preload":false,
			"header":"max-age=31536000; includeSubDomains","detail":"HTTP 200"}""";

	private static final String OLD_HSTS_NOT_APPLICABLE = """
			{"state":"NOT_APPLICABLE","maxAge":null,"includeSubDomains":false,"preload":false,"header":null,
			"detail":"STARTTLS SMTP is not HTTPS"}""";

	private final CipherSupportCodec codec = new CipherSupportCodec(JsonMapper.builder().build());

	private final String database = "migration_"
			+ UUID.randomUUID().toString().replace("-", "").toLowerCase(Locale.ROOT);

	private final EmbeddedPostgres server = TestDatabase.embedded();

	private DataSource dataSource;

	@BeforeEach
	void createDatabase() throws SQLException {
		execute(this.server.getPostgresDatabase(), "create database " + this.database);
		this.dataSource = this.server.getDatabase("postgres", this.database);
	}

	@AfterEach
	void dropDatabase() throws SQLException {
		execute(this.server.getPostgresDatabase(), "drop database if exists " + this.database + " with (force)");
	}

	@Test
	void documentsStoredAsTextReadBackAsTypedRecordsAfterTheMigration() {
		migrate(lastBefore(JSONB));
		JdbcTemplate jdbc = new JdbcTemplate(this.dataSource);
		long scan = seedScan(jdbc);
		insertResult(jdbc, scan, "192.0.2.1", OLD_CIPHER_SUPPORT, OLD_HSTS_ENABLED);
		insertResult(jdbc, scan, "192.0.2.2", null, OLD_HSTS_NOT_APPLICABLE);
		insertResult(jdbc, scan, "192.0.2.3", null, null);

		migrate(null);

		assertThat(jdbc.queryForList("select data_type from information_schema.columns where table_name = 'scan_result'"
				+ " and column_name in ('cipher_support', 'hsts')", String.class))
			.containsExactly("jsonb", "jsonb");
		List<Row> rows = jdbc.query(
				"select address, cipher_support::text, hsts::text from scan_result order by address",
				(result, index) -> row(result));
		assertThat(rows).hasSize(3);
		assertThat(rows.get(0).cipherSupport()).isEqualTo(expectedCipherSupport());
		assertThat(rows.get(0).hsts()).isEqualTo(HstsDetails.observed(Hsts.Verdict.ENABLED, 31_536_000L, true, false,
				"max-age=31536000; includeSubDomains", "HTTP 200"));
		assertThat(rows.get(1).cipherSupport()).isNull();
		assertThat(rows.get(1).hsts())
			.isEqualTo(HstsDetails.none(Observed.Status.NOT_APPLICABLE, "STARTTLS SMTP is not HTTPS"));
		assertThat(rows.get(2).cipherSupport()).isNull();
		assertThat(rows.get(2).hsts()).isNull();
	}

	@Test
	void documentsWrittenAfterTheMigrationKeepTheirShape() {
		migrate(null);
		JdbcTemplate jdbc = new JdbcTemplate(this.dataSource);
		long scan = seedScan(jdbc);
		HstsDetails hsts = HstsDetails.none(Observed.Status.TIMED_OUT, "No answer");
		jdbc.update("""
				insert into scan_result (scan_id, address, outcome, trust, cipher_support, hsts)
				values (?, '192.0.2.9', 'OK', 'TRUSTED', ?::jsonb, ?::jsonb)""", scan,
				this.codec.encode(expectedCipherSupport()), this.codec.encodeHsts(hsts));

		assertThat(jdbc.queryForObject("select hsts ->> 'state' from scan_result", String.class))
			.isEqualTo("TIMED_OUT");
		assertThat(jdbc.queryForObject(
				"select cipher_support -> 'suites' -> 1 -> 'accepted' -> 0 ->> 'strength' from scan_result",
				String.class))
			.isEqualTo("INSECURE");
		Row row = jdbc.queryForObject("select address, cipher_support::text, hsts::text from scan_result",
				(result, index) -> row(result));
		assertThat(row.cipherSupport()).isEqualTo(expectedCipherSupport());
		assertThat(row.hsts()).isEqualTo(hsts);
	}

	private static CipherSupport expectedCipherSupport() {
		return new CipherSupport(List.of(
				new CipherSupport.VersionSuites(TlsVersion.TLS_1_3, ServerOrder.SERVER,
						List.of(new CipherSupport.Suite("TLS_AES_128_GCM_SHA256", CipherStrength.STRONG)), true, false),
				new CipherSupport.VersionSuites(TlsVersion.SSL_2_0, ServerOrder.UNKNOWN,
						List.of(new CipherSupport.Suite("SSL_CK_RC4_128_WITH_MD5", CipherStrength.INSECURE)), true)),
				List.of(new CipherSupport.Group("X25519MLKEM768", true)),
				new CipherSupport.Features(List.of("h2"), true, null, false));
	}

	private Row row(ResultSet result) throws SQLException {
		return new Row(result.getString(1), this.codec.decode(result.getString(2)),
				this.codec.decodeHsts(result.getString(3)));
	}

	/** The newest migration older than the given one, whatever other modules add. */
	private MigrationVersion lastBefore(MigrationVersion version) {
		return Arrays.stream(flyway(null).info().all())
			.map(MigrationInfo::getVersion)
			.filter((candidate) -> candidate != null && candidate.compareTo(version) < 0)
			.max(Comparator.naturalOrder())
			.orElseThrow();
	}

	private void migrate(@Nullable MigrationVersion target) {
		flyway(target).migrate();
	}

	private Flyway flyway(@Nullable MigrationVersion target) {
		var configuration = Flyway.configure().dataSource(this.dataSource).locations("classpath:db/migration");
		if (target != null) {
			configuration = configuration.target(target);
		}
		return configuration.load();
	}

	private static long seedScan(JdbcTemplate jdbc) {
		Long endpoint = jdbc.queryForObject("""
				insert into endpoint (host, port, tls_mode, scan_interval_minutes, created_at, updated_at)
				values ('old.example.com', 443, 'IMPLICIT', 60, now(), now()) returning id""", Long.class);
		return jdbc.queryForObject("""
				insert into scan (endpoint_id, trigger, started_at, finished_at, outcome)
				values (?, 'SCHEDULED', now(), now(), 'OK') returning id""", Long.class, endpoint);
	}

	/** A result row as a release before V30 wrote it: its documents as text. */
	private static void insertResult(JdbcTemplate jdbc, long scan, String address, String cipherSupport, String hsts) {
		jdbc.update("""
				insert into scan_result (scan_id, address, outcome, trust, cipher_support, hsts)
				values (?, ?, 'OK', 'TRUSTED', ?, ?)""", scan, address, cipherSupport, hsts);
	}

	private static void execute(DataSource dataSource, String sql) throws SQLException {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	private record Row(String address, @Nullable CipherSupport cipherSupport, @Nullable HstsDetails hsts) {
	}

}
