package dev.tlswatch.config;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import dev.tlswatch.support.Eventually;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded server's process killed with SIGKILL is started again by the supervisor,
 * on the same port and with its data, without anything else restarting.
 */
class EmbeddedPostgresSupervisorTests {

	@TempDir
	Path dataDirectory;

	@Test
	void aKilledServerIsStartedAgainOnTheSamePortWithItsData() throws Exception {
		try (EmbeddedPostgresSupervisor supervisor = new EmbeddedPostgresSupervisor(this.dataDirectory, 0,
				Duration.ofMillis(200))) {
			try (Connection connection = connect(supervisor.port());
					Statement statement = connection.createStatement()) {
				statement.execute("create table kept (value text)");
				statement.execute("insert into kept values ('still here')");
			}
			ProcessHandle first = supervisor.postmaster().orElseThrow();

			first.destroyForcibly();
			first.onExit().get(30, TimeUnit.SECONDS);

			Eventually.await(Duration.ofSeconds(60), "the server to run again",
					() -> supervisor.postmaster().filter((process) -> process.pid() != first.pid()).isPresent()
							&& answers(supervisor.port()));
			try (Connection connection = connect(supervisor.port());
					Statement statement = connection.createStatement();
					ResultSet rows = statement.executeQuery("select value from kept")) {
				assertThat(rows.next()).isTrue();
				assertThat(rows.getString(1)).isEqualTo("still here");
			}
		}
		assertThat(this.dataDirectory.resolve("postmaster.pid")).doesNotExist();
	}

	private static boolean answers(int port) {
		try (Connection connection = connect(port)) {
			return connection.isValid(2);
		}
		catch (SQLException ex) {
			return false;
		}
	}

	private static Connection connect(int port) throws SQLException {
		return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres?connectTimeout=2",
				"postgres", "");
	}

}
