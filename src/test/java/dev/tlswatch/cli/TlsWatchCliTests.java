package dev.tlswatch.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code java -jar tlswatch.jar --help | --version | probe ...}: answered by the command
 * line, never by the web application.
 */
class TlsWatchCliTests {

	@TempDir
	Path directory;

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	@Test
	void helpVersionAndProbeAreForTheCommandLineEverythingElseForTheServer() {
		for (String first : List.of("--help", "-h", "help", "--version", "-V", "probe")) {
			assertThat(TlsWatchCli.handles(new String[] { first, "x" })).as(first).isTrue();
		}
		assertThat(TlsWatchCli.handles(new String[0])).isFalse();
		assertThat(TlsWatchCli.handles(new String[] { "--server.port=8081" })).isFalse();
		assertThat(TlsWatchCli.handles(new String[] { "--spring.profiles.active=prod", "--help" })).isFalse();
	}

	@Test
	void helpNamesTheCommandsAndHowTheServerStarts() {
		assertThat(run("--help")).isZero();

		assertThat(this.out.toString(StandardCharsets.UTF_8)).contains("Usage: java -jar tlswatch.jar",
				"java -jar tlswatch.jar probe [OPTIONS] HOST:PORT...", "starts the web application", "probe",
				"--version");
		assertThat(this.err.toString(StandardCharsets.UTF_8)).isEmpty();
	}

	@Test
	void helpOfACommandAndVersion() {
		assertThat(run("help", "probe")).isZero();
		assertThat(this.out.toString(StandardCharsets.UTF_8)).contains("--warn-days");
		this.out.reset();

		assertThat(run("--version")).isZero();
		assertThat(this.out.toString(StandardCharsets.UTF_8)).startsWith("TLSWatch ").doesNotContain("null");
	}

	@Test
	void theJarsMainPrintsHelpWithoutStartingTheServerOrCreatingData() throws Exception {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
				"dev.tlswatch.TlsWatchApplication", "--help")
			.directory(this.directory.toFile())
			.redirectErrorStream(true)
			.redirectOutput(this.directory.resolve("output.txt").toFile())
			.start();

		assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("finished").isTrue();
		String output = Files.readString(this.directory.resolve("output.txt"));
		assertThat(process.exitValue()).as(output).isZero();
		assertThat(output).contains("Usage: java -jar tlswatch.jar")
			.doesNotContain("Started", "Tomcat", "HikariPool", "initdb");
		assertThat(this.directory.resolve("data")).doesNotExist();
		assertThat(this.directory.toFile().list()).containsExactly("output.txt");
	}

	private int run(String... args) {
		return TlsWatchCli.run(args, new PrintStream(this.out, true, StandardCharsets.UTF_8),
				new PrintStream(this.err, true, StandardCharsets.UTF_8));
	}

}
