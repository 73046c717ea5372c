package dev.tlswatch.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import dev.tlswatch.cli.ProbeArguments.Target;
import dev.tlswatch.endpoint.InvalidPemException;
import dev.tlswatch.endpoint.Pem;
import dev.tlswatch.probe.ClientIdentity;
import dev.tlswatch.probe.Grade;
import dev.tlswatch.probe.Observed;
import dev.tlswatch.probe.ProbeOptions;
import dev.tlswatch.probe.ProbeReport;
import dev.tlswatch.probe.ProbeTarget;
import dev.tlswatch.probe.Ssl2Support;
import dev.tlswatch.probe.VulnerabilityStatus;
import dev.tlswatch.probe.TlsEngine;
import dev.tlswatch.probe.VersionSupport;
import dev.tlswatch.scan.TlsModes;
import org.jspecify.annotations.Nullable;

/**
 * {@code probe}: probes each target on every address it resolves to, prints a readable
 * report or one JSON document per target, and exits 0 when every target answered on at
 * least one address, 1 when one did not, 2 on a usage error.
 */
public final class ProbeCommand {

	/** The first argument that selects this command instead of the web application. */
	public static final String NAME = "probe";

	private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

	private static final Duration HANDSHAKE_TIMEOUT = Duration.ofSeconds(10);

	// A client certificate chain or key: far more than any real one
	private static final long MAX_PEM_FILE_SIZE = 256 * 1024;

	private final PrintStream out;

	private final PrintStream err;

	public ProbeCommand(PrintStream out, PrintStream err) {
		this.out = out;
		this.err = err;
	}

	/**
	 * Run the command.
	 * @param args the arguments after {@code probe}
	 * @return the exit status
	 */
	public int run(List<String> args) {
		ProbeArguments arguments;
		ProbeOptions options;
		try {
			arguments = ProbeArguments.parse(args);
			options = new ProbeOptions(CONNECT_TIMEOUT, HANDSHAKE_TIMEOUT, trustAnchors(arguments.trustBundle()),
					Clock.systemUTC(), clientIdentity(arguments.clientCertificate(), arguments.clientKey()));
		}
		catch (IllegalArgumentException ex) {
			this.err.println("probe: " + ex.getMessage());
			this.err.print(ProbeArguments.USAGE);
			return 2;
		}
		TlsEngine engine = new TlsEngine(TlsEngine.DEFAULT_CONNECTIONS_PER_ADDRESS);
		boolean allAnswered = true;
		for (Target target : arguments.targets()) {
			allAnswered &= probe(engine, arguments, target, options);
		}
		return allAnswered ? 0 : 1;
	}

	private boolean probe(TlsEngine engine, ProbeArguments arguments, Target target, ProbeOptions options) {
		List<ProbeReport> reports = new ArrayList<>();
		String error = null;
		try {
			for (InetAddress address : addresses(arguments, target)) {
				reports.add(engine.probe(probeTarget(arguments, target, address), options));
			}
		}
		catch (UnknownHostException ex) {
			error = "Name does not resolve: " + ex.getMessage();
		}
		if (arguments.json()) {
			this.out.println(Json.write(ReportDocument.of(target.toString(), error, reports)));
		}
		else {
			printText(target, error, reports);
		}
		return reports.stream().anyMatch(ProbeReport::answered);
	}

	private static List<InetAddress> addresses(ProbeArguments arguments, Target target) throws UnknownHostException {
		String host = (arguments.connectTo() != null) ? arguments.connectTo() : target.host();
		return List.of(InetAddress.getAllByName(host));
	}

	private static ProbeTarget probeTarget(ProbeArguments arguments, Target target, InetAddress address) {
		String expected = (arguments.sniName() != null) ? arguments.sniName() : target.host();
		return ProbeTarget.forName(address, target.port(), expected,
				TlsModes.startTls(arguments.mode(), target.port()));
	}

	private static @Nullable ClientIdentity clientIdentity(@Nullable Path certificate, @Nullable Path key) {
		if (certificate == null || key == null) {
			return null;
		}
		List<X509Certificate> chain = pem(certificate, "--client-cert", Pem::certificates);
		PrivateKey privateKey = pem(key, "--client-key", Pem::privateKey);
		if (!Pem.keyMatches(privateKey, chain.get(0).getPublicKey())) {
			throw new IllegalArgumentException(
					"--client-key " + key + " does not belong to the first certificate of " + certificate);
		}
		return new ClientIdentity(privateKey, chain);
	}

	/** Reads a bounded PEM file; the messages name the option, never the content. */
	private static <T> T pem(Path file, String option, Function<String, T> parser) {
		try {
			if (Files.size(file) > MAX_PEM_FILE_SIZE) {
				throw new IllegalArgumentException(
						option + " " + file + " is larger than " + MAX_PEM_FILE_SIZE + " bytes");
			}
			return parser.apply(Files.readString(file, StandardCharsets.US_ASCII));
		}
		catch (IOException ex) {
			throw new IllegalArgumentException("Unable to read " + option + " " + file + ": " + ex.getMessage(), ex);
		}
		catch (InvalidPemException ex) {
			throw new IllegalArgumentException(option + " " + file + " " + ex.getMessage(), ex);
		}
	}

	private static List<X509Certificate> trustAnchors(@Nullable Path bundle) {
		if (bundle == null) {
			return List.of();
		}
		try (InputStream in = Files.newInputStream(bundle)) {
			return CertificateFactory.getInstance("X.509")
				.generateCertificates(in)
				.stream()
				.map(X509Certificate.class::cast)
				.toList();
		}
		catch (IOException | CertificateException ex) {
			throw new IllegalArgumentException("Unable to read trust bundle " + bundle + ": " + ex.getMessage(), ex);
		}
	}

	private void printText(Target target, @Nullable String error, List<ProbeReport> reports) {
		this.out.println(target);
		if (error != null) {
			this.out.println("  " + error);
		}
		for (ProbeReport report : reports) {
			this.out.println("  " + report.target().address().getHostAddress() + ": " + report.handshake().outcome()
					+ ((report.handshake().error() != null) ? " (" + report.handshake().error() + ")" : ""));
			if (!report.answered()) {
				continue;
			}
			Ssl2Support ssl2 = report.ssl2();
			this.out
				.println("    negotiated   " + report.handshake().protocol() + " " + report.handshake().cipherSuite());
			this.out.println("    protocols    " + accepted(report));
			report.suites()
				.forEach((version,
						enumeration) -> this.out.println("    " + version.shortName() + " suites ("
								+ enumeration.order().name().toLowerCase(Locale.ROOT) + " order)"
								+ enumeration.accepted()
									.stream()
									.map((suite) -> "\n                 " + suite.name() + "  "
											+ suite.strength().name().toLowerCase(Locale.ROOT))
									.reduce("", String::concat)));
			if (ssl2 != null && ssl2.accepted()) {
				this.out.println("    SSLv2 cipher kinds " + ssl2.cipherKinds());
			}
			report.chachaPreference().forEach((version, preference) -> {
				Observed<Boolean> prefers = preference.prefersChacha();
				this.out.println("    " + version.shortName() + " ChaCha20 preference "
						+ ((prefers.value() != null) ? prefers.value() : "n/a") + " (" + prefers.detail() + ")");
			});
			report.groups()
				.forEach((enumeration) -> this.out.println("    groups " + enumeration.version().shortName() + "  "
						+ enumeration.accepted().stream().map((group) -> group.name()).toList()));
			report.handshake()
				.chain()
				.forEach((certificate) -> this.out.println("    certificate  " + certificate.subject() + " (until "
						+ certificate.notAfter() + ", sha256 " + certificate.sha256().substring(0, 16) + "…)"));
			this.out.println("    trust        " + report.handshake().trust()
					+ ((report.handshake().trustError() != null) ? " (" + report.handshake().trustError() + ")" : "")
					+ ", name " + (Boolean.TRUE.equals(report.handshake().hostnameMatches()) ? "matches" : "mismatch"));
			report.handshake()
				.chainReport()
				.issues()
				.forEach((issue) -> this.out.println("    chain        " + issue.detail()));
			report.vulnerabilities()
				.stream()
				.filter((result) -> result.status() != VulnerabilityStatus.NOT_VULNERABLE)
				.forEach((result) -> this.out.println("    " + result.vulnerability().name() + " "
						+ result.status().name().toLowerCase(Locale.ROOT).replace('_', ' ') + " (" + result.detail()
						+ ")"));
			Grade grade = report.grade();
			if (grade != null) {
				this.out.println("    grade        " + grade.letter().displayName());
				grade.reasons()
					.forEach((reason) -> this.out
						.println("                 " + reason.cap().displayName() + "  " + reason.text()));
			}
			this.out.println("    probe        " + report.connections() + " connections, " + report.elapsed().toMillis()
					+ " ms");
		}
	}

	private static String accepted(ProbeReport report) {
		List<VersionSupport> versions = new ArrayList<>();
		Ssl2Support ssl2 = report.ssl2();
		if (ssl2 != null) {
			versions.add(ssl2.asVersionSupport());
		}
		versions.addAll(report.versions());
		List<String> names = versions.stream()
			.map((support) -> support.version().shortName() + switch (support.verdict()) {
				case ACCEPTED -> " yes";
				case REJECTED -> " no";
				case TIMEOUT, ERROR -> " ?";
			})
			.toList();
		return String.join(", ", names);
	}

}
