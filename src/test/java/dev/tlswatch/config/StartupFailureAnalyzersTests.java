package dev.tlswatch.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

import dev.tlswatch.support.TestTcpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.env.Environment;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.io.support.SpringFactoriesLoader.ArgumentResolver;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Our own start failures become one paragraph: the datasource URL, the data folder and a
 * data folder of another PostgreSQL major version.
 */
class StartupFailureAnalyzersTests {

	@TempDir
	Path directory;

	@Test
	void everyAnalyzerIsRegisteredAndOursComeFirst() {
		List<FailureAnalyzer> analyzers = SpringFactoriesLoader.forDefaultResourceLocation()
			.load(FailureAnalyzer.class, ArgumentResolver.of(Environment.class, new MockEnvironment())
				.and(BeanFactory.class, new DefaultListableBeanFactory()));

		assertThat(analyzers).extracting((analyzer) -> analyzer.getClass().getName())
			.contains("dev.tlswatch.config.DatasourceFailureAnalyzer", "dev.tlswatch.config.DataFolderFailureAnalyzer",
					"dev.tlswatch.config.PostgresVersionFailureAnalyzer",
					"dev.tlswatch.endpoint.ScanPolicyFailureAnalyzer", "dev.tlswatch.scan.TrustBundleFailureAnalyzer");
		assertThat(analyzers.get(0)).isInstanceOf(DatasourceFailureAnalyzer.class);
	}

	@Test
	void aUrlThatIsNoPostgresUrlIsNamedWithAnExample() {
		FailureAnalysis analysis = datasource("jdbc:postgres://db.example:5432/tlswatch?password=hunter2")
			.analyze(new BeanCreationException("dataSource", "Failed",
					new IllegalStateException("Failed to determine a suitable driver class")));

		assertThat(analysis).isNotNull();
		assertThat(analysis.getDescription()).isEqualTo("spring.datasource.url is"
				+ " 'jdbc:postgres://db.example:5432/tlswatch?password=******', which is not a PostgreSQL JDBC URL.");
		assertThat(analysis.getAction()).contains("jdbc:postgresql://HOST:5432/DATABASE", "SPRING_DATASOURCE_URL",
				"remove it to use the embedded PostgreSQL");
	}

	@Test
	void aServerThatDoesNotAnswerIsExplainedFromTheDriversRealError() {
		String url = "jdbc:postgresql://127.0.0.1:" + TestTcpServer.refusedPort() + "/tlswatch";
		SQLException refused = null;
		try {
			DriverManager.getConnection(url, "u", "secret").close();
		}
		catch (SQLException ex) {
			refused = ex;
		}
		assertThat((Object) refused).isNotNull();

		FailureAnalysis analysis = datasource(url)
			.analyze(new BeanCreationException("flywayInitializer", "Unable to obtain connection", refused));

		assertThat(analysis).isNotNull();
		assertThat(analysis.getDescription()).startsWith("TLSWatch could not connect to the database at " + url + ".")
			.contains("refused");
		assertThat(analysis.getAction()).contains("pg_hba.conf", "SPRING_DATASOURCE_URL");
	}

	@Test
	void aRefusedSignInAndAMissingDatabaseAreSaidSo() {
		DatasourceFailureAnalyzer analyzer = datasource("jdbc:postgresql://db.example/tlswatch");

		assertThat(analyzer.analyze(new SQLException("password authentication failed for user \"u\"", "28P01"))
			.getDescription()).startsWith("The database at jdbc:postgresql://db.example/tlswatch refused the sign-in.");
		assertThat(analyzer.analyze(new SQLException("database \"tlswatch\" does not exist", "3D000")).getAction())
			.contains("createdb");
	}

	@Test
	void otherFailuresAndTheEmbeddedDatabaseAreLeftToOtherAnalyzers() {
		assertThat(datasource("jdbc:postgresql://db.example/tlswatch").analyze(new IllegalStateException("other")))
			.isNull();
		assertThat(new DatasourceFailureAnalyzer(new MockEnvironment())
			.analyze(new IllegalStateException("Failed to determine a suitable driver class"))).isNull();
	}

	@Test
	void passwordsInTheUrlAreMasked() {
		assertThat(DatasourceFailureAnalyzer.masked("jdbc:postgresql://u:pw@db/x"))
			.isEqualTo("jdbc:postgresql://u:******@db/x");
		assertThat(DatasourceFailureAnalyzer.masked("jdbc:postgresql://db/x?user=u&password=pw&ssl=true"))
			.isEqualTo("jdbc:postgresql://db/x?user=u&password=******&ssl=true");
	}

	@Test
	void aDataFolderThatCannotBeCreatedIsExplained() throws Exception {
		Path file = Files.writeString(this.directory.resolve("data"), "a file, not a folder");
		Path folder = file.resolve("postgres");

		assertThatExceptionOfType(DataFolderException.class)
			.isThrownBy(() -> new EmbeddedPostgresLauncher(folder, 0, 18).start())
			.satisfies((ex) -> {
				FailureAnalysis analysis = new DataFolderFailureAnalyzer()
					.analyze(new BeanCreationException("embeddedPostgres", "Failed", ex));
				assertThat(analysis.getDescription())
					.startsWith("The data folder of the embedded PostgreSQL, " + folder + ", cannot be created (");
				assertThat(analysis.getAction()).contains("mkdir -p " + folder, "tlswatch.embedded-db.data-directory",
						"spring.datasource.url");
			});
	}

	@Test
	void aDataFolderOfAnotherMajorVersionNamesTheUpgradePathAndStaysUntouched() throws Exception {
		Path folder = Files.createDirectories(this.directory.resolve("postgres"));
		Files.writeString(folder.resolve("PG_VERSION"), "16\n");

		assertThatExceptionOfType(PostgresVersionMismatchException.class)
			.isThrownBy(() -> new EmbeddedPostgresLauncher(folder, 0, 18).start())
			.satisfies((ex) -> {
				FailureAnalysis analysis = new PostgresVersionFailureAnalyzer()
					.analyze(new BeanCreationException("embeddedPostgres", "Failed", ex));
				assertThat(analysis.getDescription()).isEqualTo("The embedded PostgreSQL data folder " + folder
						+ " was created by PostgreSQL 16, but this TLSWatch bundles PostgreSQL 18, which cannot open"
						+ " it. Nothing was changed in the folder.");
				assertThat(analysis.getAction()).contains("pg_dump -h localhost -p 54329 -U postgres -Fc",
						"mv " + folder + " " + folder + "-16", "pg_restore", "--clean --if-exists",
						"docs/operations.md");
			});
		assertThat(folder.toFile().list()).containsExactly("PG_VERSION");
	}

	@Test
	void theBundledVersionComesFromTheBuild() {
		assertThat(EmbeddedPostgresLauncher.bundledMajorVersion()).isEqualTo(18);
	}

	private static DatasourceFailureAnalyzer datasource(String url) {
		return new DatasourceFailureAnalyzer(
				new MockEnvironment().withProperty(DatasourceFailureAnalyzer.URL_PROPERTY, url));
	}

}
