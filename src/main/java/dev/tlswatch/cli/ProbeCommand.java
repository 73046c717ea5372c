package dev.tlswatch.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.Function;

import dev.tlswatch.endpoint.InvalidPemException;
import dev.tlswatch.endpoint.Pem;
import dev.tlswatch.endpoint.TlsMode;
import dev.tlswatch.probe.ClientIdentity;
import dev.tlswatch.probe.GradeLetter;
import dev.tlswatch.probe.HandshakeOutcome;
import dev.tlswatch.probe.ProbeOptions;
import dev.tlswatch.probe.ProbeReport;
import dev.tlswatch.probe.ProbeTarget;
import dev.tlswatch.probe.RevocationChecker;
import dev.tlswatch.probe.TlsEngine;
import dev.tlswatch.revocation.OnlineRevocationChecker;
import dev.tlswatch.revocation.RevocationLimits;
import dev.tlswatch.scan.TlsModes;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code probe}: probes each target on every address it resolves to and prints a readable
 * report, one JSON document per target, or, with {@code --check}, one monitoring status
 * line. The exit status is documented in the usage help and in {@code docs/scanning.md}.
 */
@Command(name = ProbeCommand.NAME, mixinStandardHelpOptions = true, versionProvider = BuildVersion.class,
		sortOptions = false, usageHelpAutoWidth = true, showDefaultValues = true,
		description = { "Probe TLS endpoints with TLSWatch's engine alone: no web application, no database.",
				"Each target is probed on every address its name resolves to: protocol versions, cipher suites,"
						+ " groups, the certificate chain as sent, trust, HSTS and the grade." },
		exitCodeListHeading = "%nExit status (without --check):%n",
		exitCodeList = { "0:every address of every target completed a TLS handshake",
				"1:a target did not: its name does not resolve, or an address refused the connection, timed out,"
						+ " reset it, answered with an alert or with something that is not TLS",
				"2:usage error (unknown option, bad value, unreadable file)" },
		footerHeading = "%nExit status with --check (Nagios/Icinga plugin API):%n",
		footer = { "  0   OK",
				"  1   WARNING  (expires within --warn-days, untrusted chain, name mismatch,"
						+ " insecure suites accepted)",
				"  2   CRITICAL (closed port, handshake failure, expired or expiring within --crit-days, grade"
						+ " below --min-grade or F, only insecure suites)",
				"  3   UNKNOWN  (usage error, nothing could be learned)",
				"%nExample: java -jar tlswatch.jar probe --check --warn-days 30 --crit-days 7 --min-grade B"
						+ " example.com:443" })
public final class ProbeCommand implements Callable<Integer> {

	/** The first argument that selects this command instead of the web application. */
	public static final String NAME = "probe";

	/** Exit status of a usage error outside {@code --check}. */
	static final int USAGE_ERROR = 2;

	private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

	private static final Duration HANDSHAKE_TIMEOUT = Duration.ofSeconds(10);

	// A client certificate chain, key, password or trust bundle: far more than any real
	// one (a whole system CA bundle is about 220 KB)
	private static final long MAX_PEM_FILE_SIZE = 256 * 1024;

	private static final long MAX_TRUST_FILE_SIZE = 4 * 1024 * 1024;

	@Spec
	@Nullable CommandSpec spec;

	@Option(names = "--mode", paramLabel = "MODE",
			description = "How TLS starts: ${COMPLETION-CANDIDATES}. AUTO picks by port (25/587 SMTP, 143 IMAP,"
					+ " 110 POP3, 21 FTP, 389 LDAP, 5222/5269 XMPP, 5432 PostgreSQL, otherwise implicit TLS).")
	TlsMode mode = TlsMode.AUTO;

	@Option(names = "--sni", paramLabel = "NAME",
			description = "The SNI name to send and the name the certificate must match (default: each target's host).")
	@Nullable String sniName;

	@Option(names = "--connect-to", paramLabel = "ADDRESS",
			description = "Connect to this host or address instead of resolving the target's host.")
	@Nullable String connectTo;

	@Option(names = "--trust", paramLabel = "FILE.pem",
			description = "PEM certificates trusted in addition to the JDK's trust store (a private CA).")
	@Nullable Path trustBundle;

	@Option(names = "--client-cert", paramLabel = "FILE.pem",
			description = "The client certificate chain (PEM, leaf first) for servers that ask for one.")
	@Nullable Path clientCertificate;

	@Option(names = "--client-key", paramLabel = "FILE.pem",
			description = "The client certificate's private key (PEM: PKCS#8, PKCS#1 or SEC1; encrypted ones need"
					+ " --client-key-password-file).")
	@Nullable Path clientKey;

	@Option(names = "--client-key-password-file", paramLabel = "FILE",
			description = "A file whose first line is the password of an encrypted --client-key.")
	@Nullable Path clientKeyPasswordFile;

	@Option(names = "--no-revocation",
			description = "Do not check revocation (OCSP staple, OCSP responder, CRL); report NOT_CHECKED.")
	boolean noRevocation;

	@Option(names = "--revocation-allow-private",
			description = "Let revocation fetches reach loopback and private addresses (never link-local or cloud"
					+ " metadata ones).")
	boolean revocationAllowPrivate;

	@Option(names = "--json", description = "Print one JSON document per target, one per line.")
	boolean json;

	@Option(names = "--check",
			description = "Monitoring check: print one status line with performance data and exit 0 OK, 1 WARNING,"
					+ " 2 CRITICAL or 3 UNKNOWN.")
	boolean check;

	@Option(names = "--warn-days", paramLabel = "DAYS",
			description = "With --check: WARNING when a certificate has fewer days left.")
	int warnDays = 30;

	@Option(names = "--crit-days", paramLabel = "DAYS",
			description = "With --check: CRITICAL when a certificate has fewer days left.")
	int critDays = 7;

	@Option(names = "--min-grade", paramLabel = "GRADE", converter = GradeConverter.class,
			description = "With --check: CRITICAL when the grade (ignoring trust) is below this one (A+, A, A-, B,"
					+ " C, D, E or F). Without it, only an F is CRITICAL.")
	@Nullable GradeLetter minGrade;

	@Option(names = "--require-trusted",
			description = "With --check: an untrusted chain or a name mismatch is CRITICAL, not WARNING.")
	boolean requireTrusted;

	@Parameters(paramLabel = "HOST:PORT", arity = "1..*", converter = Target.Converter.class,
			description = "The targets; IPv6 literals in brackets ([2001:db8::1]:443).")
	List<Target> targets = new ArrayList<>();

	private final PrintStream out;

	private final Function<RevocationChecker, TlsEngine> engine;

	private final Clock clock;

	ProbeCommand(PrintStream out, Function<RevocationChecker, TlsEngine> engine, Clock clock) {
		this.out = out;
		this.engine = engine;
		this.clock = clock;
	}

	@Override
	public Integer call() {
		ProbeCheck judge = checkSettings();
		ProbeOptions options;
		try {
			options = new ProbeOptions(CONNECT_TIMEOUT, HANDSHAKE_TIMEOUT, trustAnchors(), this.clock,
					clientIdentity());
		}
		catch (IllegalArgumentException ex) {
			throw usageError(ex.getMessage());
		}
		TlsEngine engine = this.engine.apply(revocationChecker());
		List<ProbeCheck.TargetReports> probed = new ArrayList<>();
		for (Target target : this.targets) {
			probed.add(probe(engine, target, options));
		}
		if (judge != null) {
			ProbeCheck.Result result = judge.judge(probed, this.clock.instant());
			this.out.println(result.line());
			return result.state().exitStatus();
		}
		boolean allCompleted = probed.stream()
			.allMatch((target) -> target.error() == null && !target.reports().isEmpty()
					&& target.reports()
						.stream()
						.allMatch((report) -> report.handshake().outcome() == HandshakeOutcome.OK));
		return allCompleted ? 0 : 1;
	}

	/** The revocation check with the command's own timeouts and address guard. */
	private RevocationChecker revocationChecker() {
		if (this.noRevocation) {
			return RevocationChecker.OFF;
		}
		return new OnlineRevocationChecker(RevocationLimits.of(CONNECT_TIMEOUT, HANDSHAKE_TIMEOUT),
				new RevocationGuard(this.revocationAllowPrivate));
	}

	private @Nullable ProbeCheck checkSettings() {
		if (!this.check) {
			if (this.minGrade != null || this.requireTrusted) {
				throw usageError("--min-grade and --require-trusted go with --check");
			}
			return null;
		}
		if (this.json) {
			throw usageError("--check and --json do not go together");
		}
		try {
			return new ProbeCheck(this.warnDays, this.critDays, this.minGrade, this.requireTrusted);
		}
		catch (IllegalArgumentException ex) {
			throw usageError(ex.getMessage());
		}
	}

	private ProbeCheck.TargetReports probe(TlsEngine engine, Target target, ProbeOptions options) {
		List<ProbeReport> reports = new ArrayList<>();
		String error = null;
		try {
			for (InetAddress address : addresses(target)) {
				reports.add(engine.probe(probeTarget(target, address), options));
			}
		}
		catch (UnknownHostException ex) {
			error = "Name does not resolve: " + ex.getMessage();
		}
		if (this.json) {
			this.out.println(ReportDocument.of(target.toString(), error, reports).toJson());
		}
		else if (!this.check) {
			new TextReport(this.out).print(target, error, reports);
		}
		return new ProbeCheck.TargetReports(target.toString(), error, reports);
	}

	private List<InetAddress> addresses(Target target) throws UnknownHostException {
		String host = (this.connectTo != null) ? this.connectTo : target.host();
		return List.of(InetAddress.getAllByName(host));
	}

	private ProbeTarget probeTarget(Target target, InetAddress address) {
		String expected = (this.sniName != null) ? this.sniName : target.host();
		return ProbeTarget.forName(address, target.port(), expected, TlsModes.startTls(this.mode, target.port()));
	}

	private @Nullable ClientIdentity clientIdentity() {
		Path certificate = this.clientCertificate;
		Path key = this.clientKey;
		if (certificate == null && key == null) {
			if (this.clientKeyPasswordFile != null) {
				throw new IllegalArgumentException("--client-key-password-file goes with --client-key");
			}
			return null;
		}
		if (certificate == null || key == null) {
			throw new IllegalArgumentException("--client-cert and --client-key go together");
		}
		List<X509Certificate> chain = pem(certificate, "--client-cert", MAX_PEM_FILE_SIZE, Pem::certificates);
		PrivateKey privateKey = pem(key, "--client-key", MAX_PEM_FILE_SIZE,
				(text) -> Pem.privateKey(text, this::keyPassword));
		if (!Pem.keyMatches(privateKey, chain.get(0).getPublicKey())) {
			throw new IllegalArgumentException(
					"--client-key " + key + " does not belong to the first certificate of " + certificate);
		}
		return new ClientIdentity(privateKey, chain);
	}

	private char[] keyPassword() {
		Path file = this.clientKeyPasswordFile;
		if (file == null) {
			throw new IllegalArgumentException("--client-key " + this.clientKey
					+ " is encrypted; give its password with --client-key-password-file");
		}
		String text = read(file, "--client-key-password-file", MAX_PEM_FILE_SIZE);
		return text.lines().findFirst().orElse("").toCharArray();
	}

	private List<X509Certificate> trustAnchors() {
		return (this.trustBundle != null) ? pem(this.trustBundle, "--trust", MAX_TRUST_FILE_SIZE, Pem::certificates)
				: List.of();
	}

	/** Reads a bounded PEM file; the messages name the option, never the content. */
	private static <T> T pem(Path file, String option, long maxSize, Function<String, T> parser) {
		String text = read(file, option, maxSize);
		try {
			return parser.apply(text);
		}
		catch (InvalidPemException ex) {
			throw new IllegalArgumentException(option + " " + file + " " + ex.getMessage(), ex);
		}
	}

	private static String read(Path file, String option, long maxSize) {
		try {
			if (Files.size(file) > maxSize) {
				throw new IllegalArgumentException(option + " " + file + " is larger than " + maxSize + " bytes");
			}
			return Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new IllegalArgumentException("Unable to read " + option + " " + file + ": " + ex, ex);
		}
	}

	private ParameterException usageError(@Nullable String message) {
		CommandSpec spec = this.spec;
		if (spec == null) {
			throw new IllegalStateException("Not run by picocli: " + message);
		}
		return new ParameterException(spec.commandLine(), String.valueOf(message));
	}

	/**
	 * A grade as shown: {@code A+}, {@code A}, {@code A-}, {@code B} ... {@code F}.
	 */
	static final class GradeConverter implements ITypeConverter<GradeLetter> {

		@Override
		public GradeLetter convert(String value) {
			for (GradeLetter letter : GradeLetter.values()) {
				if (letter.isScale() && letter.displayName().equalsIgnoreCase(value.strip())) {
					return letter;
				}
			}
			throw new TypeConversionException(
					"expected a grade from A+ to F (A+, A, A-, B, C, D, E, F) but was '" + value + "'");
		}

	}

}
