package dev.tlswatch.bench;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.SSLContext;

import dev.tlswatch.probe.ChachaPreference;
import dev.tlswatch.probe.CipherSuite;
import dev.tlswatch.probe.GroupEnumeration;
import dev.tlswatch.probe.KeyExchangeGroup;
import dev.tlswatch.probe.Observed;
import dev.tlswatch.probe.ProbeOptions;
import dev.tlswatch.probe.ProbeReport;
import dev.tlswatch.probe.ProbeTarget;
import dev.tlswatch.probe.SuiteEnumeration;
import dev.tlswatch.probe.TlsEngine;
import dev.tlswatch.probe.TlsVersion;
import dev.tlswatch.probe.VulnerabilityResult;
import dev.tlswatch.support.TestCertificates;
import dev.tlswatch.support.TestCertificates.Issued;
import dev.tlswatch.support.TestCertificates.KeyType;
import dev.tlswatch.support.TestTlsServer;
import org.jspecify.annotations.Nullable;

/**
 * A benchmark (not a test: surefire excludes {@code **}{@code /bench/**}) of the probe
 * engine against sslscan and testssl.sh. It starts in-process JSSE servers on 127.0.0.1,
 * probes each with the engine in a warm JVM, then runs the tools that are installed
 * against the same servers, counting on the server side the connections each run opened
 * and measuring its wall time. Talks to nothing but 127.0.0.1.
 *
 * <p>
 * Run with {@code bench/run.sh}. System properties: {@code bench.warmup} (5),
 * {@code bench.runs} (5, engine and sslscan), {@code bench.testsslRuns} (1: a testssl.sh
 * run takes minutes).
 */
public final class ProbeBenchmark {

	private static final int WARMUP = Integer.getInteger("bench.warmup", 5);

	private static final int RUNS = Integer.getInteger("bench.runs", 5);

	private static final int TESTSSL_RUNS = Integer.getInteger("bench.testsslRuns", 1);

	private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;]*[A-Za-z]");

	// "Preferred TLSv1.3 256 bits 0x1302 TLS_AES_256_GCM_SHA384 Curve 25519 DHE 253"
	private static final Pattern SSLSCAN_SUITE = Pattern
		.compile("^(Preferred|Accepted)\\s+(TLSv1\\.[0-3]|SSLv[23])\\s+\\d+\\s+bits\\s+0x([0-9A-Fa-f]{4})\\s+(\\S+)");

	// testssl.sh's JSON: "id" : "cipherorder_TLSv1_2", ..., "finding" :
	// "ECDHE-RSA-AES256-GCM-SHA384 ECDHE-RSA-CHACHA20-POLY1305 ..." (OpenSSL names)
	private static final Pattern TESTSSL_ORDER = Pattern
		.compile("\"id\"\\s*:\\s*\"cipherorder_(\\S+?)\"[^}]*?\"finding\"\\s*:\\s*\"([^\"]*)\"", Pattern.DOTALL);

	// openssl ciphers -V: "0xC0,0x30 - ECDHE-RSA-AES256-GCM-SHA384 TLSv1.2 ..."
	private static final Pattern OPENSSL_CIPHER = Pattern
		.compile("0x([0-9A-Fa-f]{2}),0x([0-9A-Fa-f]{2})\\s+-\\s+(\\S+)");

	private ProbeBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		Issued ca = TestCertificates.rootCa("Bench Root");
		Issued leaf = TestCertificates.leaf("localhost")
			.dnsNames("localhost")
			.ipAddresses("127.0.0.1")
			.keyType(KeyType.RSA_2048)
			.issuedBy(ca);
		String[] jsseDefaults = SSLContext.getDefault().getDefaultSSLParameters().getCipherSuites();
		Optional<Path> sslscan = executable("sslscan");
		Optional<Path> testssl = executable("testssl.sh").or(() -> executable("testssl"));
		System.out.printf(
				"ProbeBenchmark: %d cores, Java %s, %d warm-up + %d measured engine and sslscan runs, "
						+ "%d testssl.sh runs%n",
				Runtime.getRuntime().availableProcessors(), Runtime.version(), WARMUP, RUNS, TESTSSL_RUNS);
		if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
			System.out.printf("Machine: %d cores, %d MiB memory, %s %s, JDK %s (%s)%n",
					Runtime.getRuntime().availableProcessors(), os.getTotalMemorySize() / (1024 * 1024), os.getName(),
					os.getVersion(), Runtime.version(), System.getProperty("java.vm.vendor"));
		}
		sslscan.ifPresentOrElse((path) -> System.out.println("sslscan: " + path + " " + version(path, "--version")),
				() -> System.out.println("sslscan: not installed, skipped (bench/run.sh installs it)"));
		testssl.ifPresentOrElse((path) -> System.out.println("testssl.sh: " + path),
				() -> System.out.println("testssl.sh: not installed, skipped (bench/run.sh installs it)"));

		List<Scenario> scenarios = List.of(
				new Scenario("a: TLS 1.2+1.3, " + jsseDefaults.length + " JSSE default suites, server order",
						TestTlsServer.presenting(leaf.key(), leaf.chainWithoutRoot())
							.protocols("TLSv1.3", "TLSv1.2")
							.cipherSuites(jsseDefaults)
							.useCipherSuitesOrder(true)),
				new Scenario(
						"c: modern TLS 1.2+1.3 (Mozilla intermediate: 3 TLS 1.3 suites, ECDHE AES-GCM and"
								+ " ChaCha20, x25519 secp256r1 secp384r1), server order",
						TestTlsServer.presenting(leaf.key(), leaf.chainWithoutRoot())
							.protocols("TLSv1.3", "TLSv1.2")
							.cipherSuites("TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384",
									"TLS_CHACHA20_POLY1305_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
									"TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
									"TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
									"TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
									"TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256")
							.useCipherSuitesOrder(true)
							.namedGroups("x25519", "secp256r1", "secp384r1")),
				new Scenario("b: TLS 1.2 only, 4 suites, server order",
						TestTlsServer.presenting(leaf.key(), leaf.chainWithoutRoot())
							.protocols("TLSv1.2")
							.cipherSuites("TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256",
									"TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256",
									"TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256")
							.useCipherSuitesOrder(true)));
		List<String> table = new ArrayList<>();
		for (Scenario scenario : scenarios) {
			try (TestTlsServer server = scenario.server().start()) {
				System.out.printf("%n== Server %s on 127.0.0.1:%d%n", scenario.name(), server.port());
				List<Result> results = new ArrayList<>();
				results.add(engine(server, ca));
				sslscan.ifPresent((path) -> results.add(sslscan(path, server)));
				testssl.ifPresent((path) -> results.add(testssl(path, server)));
				compare(results);
				table.addAll(rows(scenario.name(), results));
			}
		}
		System.out.printf("%n== Results (medians; ratios against sslscan)%n");
		table.forEach(System.out::println);
	}

	private static Result engine(TestTlsServer server, Issued ca) {
		TlsEngine engine = new TlsEngine(TlsEngine.DEFAULT_CONNECTIONS_PER_ADDRESS);
		ProbeTarget target = new ProbeTarget(InetAddress.getLoopbackAddress(), server.port(), null, "localhost");
		ProbeOptions options = ProbeOptions.defaults().withExtraTrustAnchors(List.of(ca.certificate()));
		for (int i = 0; i < WARMUP; i++) {
			engine.probe(target, options);
		}
		List<Long> millis = new ArrayList<>();
		List<Integer> connections = new ArrayList<>();
		Map<TlsVersion, List<Integer>> suites = Map.of();
		for (int i = 0; i < RUNS; i++) {
			int before = server.acceptedConnections();
			long started = System.nanoTime();
			ProbeReport report = engine.probe(target, options);
			long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
			int accepted = server.acceptedConnections() - before;
			millis.add(elapsed);
			connections.add(accepted);
			suites = suites(report);
			System.out.printf("engine   run %d: %5d ms, %3d connections (engine counted %d), grade %s%s%n", i + 1,
					elapsed, accepted, report.connections(), (report.grade() != null) ? report.grade().letter() : "-",
					incomplete(report));
			if (i == RUNS - 1) {
				System.out.println("         " + breakdown(report));
			}
		}
		return new Result("engine", millis, connections, suites);
	}

	/**
	 * Where the connections went, next to the issue's budget for versions, suites and
	 * order: (accepted suites + 1) per probed version, plus 2 for the order verdict.
	 */
	private static String breakdown(ProbeReport report) {
		int groups = report.groups().stream().mapToInt(GroupEnumeration::connections).sum();
		int features = (report.features() != null) ? report.features().connections() : 0;
		int hsts = report.hsts().status() == Observed.Status.NOT_APPLICABLE ? 0 : 1;
		int ssl2 = (report.ssl2() != null) ? 1 : 0;
		int chacha = report.chachaPreference().values().stream().mapToInt(ChachaPreference::connections).sum();
		int vulnerabilities = report.vulnerabilities().stream().mapToInt(VulnerabilityResult::connections).sum();
		int sweeps = report.connections() - 1 - groups - features - hsts - ssl2 - chacha - vulnerabilities;
		int refused = (int) report.versions()
			.stream()
			.filter((version) -> !report.suites().containsKey(version.version()))
			.count();
		int budget = TlsVersion.probed()
			.stream()
			.mapToInt((version) -> ((report.suites().containsKey(version))
					? report.suites().get(version).accepted().size() : 0) + 1)
			.sum() + 2;
		List<String> found = report.groups()
			.stream()
			.map((enumeration) -> enumeration.version().shortName() + " " + enumeration.connections() + " "
					+ enumeration.accepted().stream().map(KeyExchangeGroup::name).toList())
			.toList();
		List<String> checks = report.vulnerabilities()
			.stream()
			.filter((result) -> result.connections() > 0)
			.map((result) -> result.vulnerability() + " " + result.connections())
			.toList();
		return String.format(
				"breakdown: certificate handshake 1, versions+suites+order %d (refused versions %d; budget %d),"
						+ " groups %d %s, features %d, HSTS %d, SSL 2.0 %d, ChaCha20 preference %d,"
						+ " vulnerability checks %d %s",
				sweeps, refused, budget, groups, found, features, hsts, ssl2, chacha, vulnerabilities, checks);
	}

	private static String incomplete(ProbeReport report) {
		StringBuilder reasons = new StringBuilder();
		report.suites().forEach((version, enumeration) -> {
			if (!enumeration.complete()) {
				reasons.append(", ")
					.append(version.shortName())
					.append(" incomplete: ")
					.append(enumeration.incompleteReason());
			}
		});
		return reasons.toString();
	}

	private static Map<TlsVersion, List<Integer>> suites(ProbeReport report) {
		Map<TlsVersion, List<Integer>> suites = new EnumMap<>(TlsVersion.class);
		for (Map.Entry<TlsVersion, SuiteEnumeration> entry : report.suites().entrySet()) {
			suites.put(entry.getKey(), entry.getValue().accepted().stream().map(CipherSuite::code).toList());
		}
		return suites;
	}

	private static Result sslscan(Path sslscan, TestTlsServer server) {
		// --show-cipher-ids prints the IANA code of each suite, so that the lists compare
		// by code rather than by OpenSSL name
		return tool("sslscan", RUNS, server, (ignored) -> List.of(sslscan.toString(), "--no-colour",
				"--show-cipher-ids", "127.0.0.1:" + server.port()), (output, ignored) -> parseSslscan(output));
	}

	private static Result testssl(Path testssl, TestTlsServer server) {
		// --nodns none: no DNS look-ups at all; --warnings off: never wait for an answer;
		// --jsonfile: the findings, for the suites
		return tool("testssl.sh", TESTSSL_RUNS, server,
				(json) -> List.of(testssl.toString(), "--quiet", "--color", "0", "--warnings", "off", "--nodns", "none",
						"--jsonfile", json.toString(), "127.0.0.1:" + server.port()),
				(output, json) -> parseTestssl(json));
	}

	private static Result tool(String name, int runs, TestTlsServer server, Function<Path, List<String>> command,
			Parser parser) {
		List<Long> millis = new ArrayList<>();
		List<Integer> connections = new ArrayList<>();
		Map<TlsVersion, List<Integer>> suites = Map.of();
		for (int i = 0; i < runs; i++) {
			try {
				Path dir = Files.createTempDirectory("tlswatch-bench");
				Path json = dir.resolve("testssl.json");
				Path log = dir.resolve(name + ".out");
				List<String> argv = command.apply(json);
				int before = server.acceptedConnections();
				long started = System.nanoTime();
				Process process = new ProcessBuilder(argv).redirectErrorStream(true)
					.redirectOutput(log.toFile())
					.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
					.start();
				if (!process.waitFor(15, TimeUnit.MINUTES)) {
					process.destroyForcibly();
					System.out.printf("%s run %d: timed out, output in %s%n", name, i + 1, log);
					continue;
				}
				long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
				int accepted = server.acceptedConnections() - before;
				millis.add(elapsed);
				connections.add(accepted);
				String output = ANSI.matcher(Files.readString(log, StandardCharsets.UTF_8)).replaceAll("");
				suites = parser.parse(output, json);
				System.out.printf("%-8s run %d: %5d ms, %3d connections, exit %d, output in %s%n", name, i + 1, elapsed,
						accepted, process.exitValue(), log);
			}
			catch (IOException ex) {
				System.out.printf("%s run %d failed: %s%n", name, i + 1, ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
		return new Result(name, millis, connections, suites);
	}

	static Map<TlsVersion, List<Integer>> parseSslscan(String output) {
		Map<TlsVersion, List<Integer>> suites = new EnumMap<>(TlsVersion.class);
		for (String line : output.split("\\R")) {
			Matcher matcher = SSLSCAN_SUITE.matcher(line.strip());
			if (matcher.find()) {
				TlsVersion version = version(matcher.group(2));
				if (version != null) {
					suites.computeIfAbsent(version, (key) -> new ArrayList<>())
						.add(Integer.parseInt(matcher.group(3), 16));
				}
			}
		}
		return suites;
	}

	static Map<TlsVersion, List<Integer>> parseTestssl(Path json) throws IOException {
		Map<TlsVersion, List<Integer>> suites = new EnumMap<>(TlsVersion.class);
		if (!Files.exists(json)) {
			return suites;
		}
		Map<String, Integer> openSslNames = openSslNames();
		Matcher matcher = TESTSSL_ORDER.matcher(Files.readString(json, StandardCharsets.UTF_8));
		while (matcher.find()) {
			TlsVersion version = switch (matcher.group(1)) {
				case "SSLv3" -> TlsVersion.SSL_3_0;
				case "TLSv1" -> TlsVersion.TLS_1_0;
				case "TLSv1_1" -> TlsVersion.TLS_1_1;
				case "TLSv1_2" -> TlsVersion.TLS_1_2;
				case "TLSv1_3" -> TlsVersion.TLS_1_3;
				default -> null;
			};
			if (version == null) {
				continue;
			}
			List<Integer> codes = suites.computeIfAbsent(version, (key) -> new ArrayList<>());
			for (String name : matcher.group(2).strip().split("\\s+")) {
				if (name.isEmpty()) {
					continue;
				}
				Integer code = openSslNames.get(name);
				if (code == null) {
					code = dev.tlswatch.probe.CipherSuites.byName(name).map(CipherSuite::code).orElse(null);
				}
				if (code == null) {
					System.out.println("testssl.sh: unknown suite name " + name);
				}
				else if (!codes.contains(code)) {
					codes.add(code);
				}
			}
		}
		return suites;
	}

	/**
	 * OpenSSL's suite names (which sslscan and testssl.sh print) by IANA code, from the
	 * local {@code openssl ciphers -V}.
	 * @return codes by OpenSSL name, empty without an openssl command
	 */
	private static Map<String, Integer> openSslNames() {
		Map<String, Integer> names = new java.util.HashMap<>();
		Optional<Path> openssl = executable("openssl");
		if (openssl.isEmpty()) {
			return names;
		}
		try {
			Process process = new ProcessBuilder(openssl.get().toString(), "ciphers", "-V",
					"ALL:COMPLEMENTOFALL:@SECLEVEL=0")
				.redirectErrorStream(true)
				.start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			process.waitFor(10, TimeUnit.SECONDS);
			Matcher matcher = OPENSSL_CIPHER.matcher(output);
			while (matcher.find()) {
				names.put(matcher.group(3), Integer.parseInt(matcher.group(1) + matcher.group(2), 16));
			}
		}
		catch (IOException ex) {
			System.out.println("openssl ciphers -V failed: " + ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return names;
	}

	private static @Nullable TlsVersion version(String name) {
		return switch (name) {
			case "SSLv3" -> TlsVersion.SSL_3_0;
			case "TLSv1.0" -> TlsVersion.TLS_1_0;
			case "TLSv1.1" -> TlsVersion.TLS_1_1;
			case "TLSv1.2" -> TlsVersion.TLS_1_2;
			case "TLSv1.3" -> TlsVersion.TLS_1_3;
			default -> null;
		};
	}

	private static void compare(List<Result> results) {
		Result engine = results.get(0);
		for (Result other : results.subList(1, results.size())) {
			if (other.suites().isEmpty()) {
				System.out.printf("engine vs %s: no suites parsed from %s's output, not compared%n", other.tool(),
						other.tool());
				continue;
			}
			Set<TlsVersion> versions = new LinkedHashSet<>(engine.suites().keySet());
			versions.addAll(other.suites().keySet());
			for (TlsVersion version : versions) {
				List<Integer> mine = engine.suites().getOrDefault(version, List.of());
				List<Integer> theirs = other.suites().getOrDefault(version, List.of());
				List<Integer> onlyMine = new ArrayList<>(mine);
				onlyMine.removeAll(theirs);
				List<Integer> onlyTheirs = new ArrayList<>(theirs);
				onlyTheirs.removeAll(mine);
				if (onlyMine.isEmpty() && onlyTheirs.isEmpty()) {
					System.out.printf("engine vs %s, %s: same %d suites, %s order%n", other.tool(),
							version.displayName(), mine.size(), mine.equals(theirs) ? "same" : "different");
				}
				else {
					System.out.printf("engine vs %s, %s: DIFFERENT: only the engine %s, only %s %s%n", other.tool(),
							version.displayName(), names(onlyMine), other.tool(), names(onlyTheirs));
				}
			}
		}
	}

	private static List<String> names(List<Integer> codes) {
		return codes.stream()
			.map((code) -> dev.tlswatch.probe.CipherSuites.byCode(code)
				.map(CipherSuite::name)
				.orElse(String.format("0x%04X", code)))
			.toList();
	}

	private static List<String> rows(String scenario, List<Result> results) {
		List<String> rows = new ArrayList<>();
		rows.add("");
		rows.add("Server " + scenario);
		rows.add(String.format("| %-10s | %-4s | %-18s | %-11s | %-9s | %-12s | %-13s |", "tool", "runs",
				"suites per version", "connections", "time", "time/sslscan", "conn./sslscan"));
		rows.add("| ---------- | ---- | ------------------ | ----------- | --------- | ------------ | ------------- |");
		Result baseline = results.stream().filter((result) -> result.tool().equals("sslscan")).findFirst().orElse(null);
		for (Result result : results) {
			rows.add(String.format("| %-10s | %-4d | %-18s | %-11s | %-9s | %-12s | %-13s |", result.tool(),
					result.millis().size(), perVersion(result.suites()),
					result.connections().isEmpty() ? "-" : String.valueOf(median(result.connections())),
					result.millis().isEmpty() ? "-"
							: String.format(Locale.ROOT, "%.2f s", median(result.millis()) / 1000.0),
					ratio(result.millis(), (baseline != null) ? baseline.millis() : null),
					ratio(result.connections(), (baseline != null) ? baseline.connections() : null)));
		}
		return rows;
	}

	private static String perVersion(Map<TlsVersion, List<Integer>> suites) {
		if (suites.isEmpty()) {
			return "-";
		}
		List<String> parts = new ArrayList<>();
		List<TlsVersion> versions = new ArrayList<>(suites.keySet());
		Collections.reverse(versions);
		for (TlsVersion version : versions) {
			parts.add(version.displayName().replace("TLS ", "") + ": " + suites.get(version).size());
		}
		return String.join(", ", parts);
	}

	private static String ratio(List<? extends Number> values, @Nullable List<? extends Number> baseline) {
		if (baseline == null || baseline.isEmpty() || values.isEmpty() || median(baseline) == 0) {
			return "-";
		}
		return String.format(Locale.ROOT, "%.2fx", median(values) / median(baseline));
	}

	private static double median(List<? extends Number> values) {
		double[] sorted = values.stream().mapToDouble(Number::doubleValue).sorted().toArray();
		int middle = sorted.length / 2;
		return (sorted.length % 2 == 1) ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
	}

	private static Optional<Path> executable(String name) {
		return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
			.filter((dir) -> !dir.isEmpty())
			.map((dir) -> Path.of(dir, name))
			.filter(Files::isExecutable)
			.findFirst();
	}

	private static String version(Path tool, String flag) {
		try {
			Process process = new ProcessBuilder(tool.toString(), flag).redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			process.waitFor(10, TimeUnit.SECONDS);
			return ANSI.matcher(output).replaceAll("").strip().replaceAll("\\s+", " ");
		}
		catch (IOException ex) {
			return "(version unknown)";
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "(version unknown)";
		}
	}

	private record Scenario(String name, TestTlsServer.Builder server) {
	}

	private record Result(String tool, List<Long> millis, List<Integer> connections,
			Map<TlsVersion, List<Integer>> suites) {
	}

	@FunctionalInterface
	private interface Parser {

		Map<TlsVersion, List<Integer>> parse(String output, Path json) throws IOException;

	}

}
