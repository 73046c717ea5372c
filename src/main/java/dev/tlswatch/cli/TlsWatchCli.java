package dev.tlswatch.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.Supplier;

import dev.tlswatch.probe.RevocationChecker;
import dev.tlswatch.probe.TlsEngine;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The command line of {@code java -jar tlswatch.jar}: {@code probe ...}, {@code --help}
 * and {@code --version} run here, without the web application, a database or a
 * {@code ./data} folder; any other arguments start the web application.
 */
public final class TlsWatchCli {

	/** First arguments that this command line answers instead of the web application. */
	private static final Set<String> COMMANDS = Set.of(ProbeCommand.NAME, "help", "-h", "--help", "-V", "--version");

	private TlsWatchCli() {
	}

	/**
	 * Whether these arguments are for the command line rather than the web application.
	 * @param args the program's arguments
	 * @return {@code true} if {@link #run} should handle them
	 */
	public static boolean handles(String[] args) {
		return args.length > 0 && COMMANDS.contains(args[0]);
	}

	/**
	 * Run the command line.
	 * @param args the program's arguments
	 * @param out standard output
	 * @param err standard error
	 * @return the exit status
	 */
	public static int run(String[] args, PrintStream out, PrintStream err) {
		return runWithRevocation(args, out, err,
				(revocation) -> new TlsEngine(TlsEngine.DEFAULT_CONNECTIONS_PER_ADDRESS, revocation),
				Clock.systemUTC());
	}

	/**
	 * Run with a given engine, which does no revocation check of its own unless it was
	 * built with one.
	 */
	static int run(String[] args, PrintStream out, PrintStream err, Supplier<TlsEngine> engine, Clock clock) {
		return runWithRevocation(args, out, err, (revocation) -> engine.get(), clock);
	}

	/**
	 * Run with an engine built around the revocation check the command's options ask for.
	 */
	static int runWithRevocation(String[] args, PrintStream out, PrintStream err,
			Function<RevocationChecker, TlsEngine> engine, Clock clock) {
		PrintWriter outWriter = new PrintWriter(out, true, charset(out));
		PrintWriter errWriter = new PrintWriter(err, true, charset(err));
		CommandLine commandLine = new CommandLine(new Main())
			.addSubcommand(ProbeCommand.NAME, new ProbeCommand(out, engine, clock))
			.addSubcommand("help", new CommandLine.HelpCommand())
			.setCaseInsensitiveEnumValuesAllowed(true)
			.setOut(outWriter)
			.setErr(errWriter)
			.setParameterExceptionHandler(TlsWatchCli::usageError);
		try {
			return commandLine.execute(args);
		}
		finally {
			outWriter.flush();
			errWriter.flush();
		}
	}

	/**
	 * A usage error: the message and the usage on standard error; exit 3 (UNKNOWN) in
	 * check mode, as monitoring plugins do, 2 otherwise.
	 */
	private static int usageError(ParameterException ex, String[] args) {
		CommandLine commandLine = ex.getCommandLine();
		PrintWriter err = commandLine.getErr();
		err.println(commandLine.getCommandName() + ": " + ex.getMessage());
		commandLine.usage(err, commandLine.getColorScheme());
		return List.of(args).contains("--check") ? CheckState.UNKNOWN.exitStatus() : ProbeCommand.USAGE_ERROR;
	}

	private static Charset charset(PrintStream stream) {
		return stream.charset();
	}

	/**
	 * {@code java -jar tlswatch.jar}: without arguments (or with Spring Boot's) it starts
	 * the web application; this command only answers {@code --help} and
	 * {@code --version}.
	 */
	@Command(name = "java -jar tlswatch.jar", mixinStandardHelpOptions = true, versionProvider = BuildVersion.class,
			usageHelpAutoWidth = true,
			customSynopsis = { "java -jar tlswatch.jar [--server.port=8080] [--spring.datasource.url=...]",
					"       java -jar tlswatch.jar probe [OPTIONS] HOST:PORT...",
					"       java -jar tlswatch.jar (-h | --help | -V | --version)" },
			description = { "",
					"TLSWatch watches TLS endpoints: certificates, trust, expiry, protocols, cipher suites"
							+ " and grades, on every address, on a schedule.",
					"",
					"Without a command it starts the web application on port 8080 (Spring Boot options such as"
							+ " --server.port apply; see docs/configuration.md). With no datasource configured it"
							+ " keeps its data in an embedded PostgreSQL under the folder data." },
			commandListHeading = "%nCommands:%n", optionListHeading = "%nOptions:%n",
			footer = { "", "Run 'java -jar tlswatch.jar probe --help' for the options of probe." },
			exitCodeListHeading = "%nExit status:%n", exitCodeList = { "0:help or version shown", "2:usage error" })
	static final class Main implements Callable<Integer> {

		@Spec
		CommandSpec spec;

		@Override
		public Integer call() {
			// Only reached with a bare option picocli did not take as help or version
			this.spec.commandLine().usage(this.spec.commandLine().getOut());
			return 0;
		}

	}

}
