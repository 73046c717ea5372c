package dev.tlswatch.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

import dev.tlswatch.support.TestPem;

/**
 * The fleet benchmark: TLSWatch as a user runs it, the jar in its own JVM on its own
 * embedded PostgreSQL (a fresh data directory under {@code target/bench-fleet}), against
 * local TLS servers in four configurations plus 10% tarpits. For each fleet size it
 * registers the endpoints through the REST API (CSV import, HTTP Basic as the first-start
 * admin), lets the real scheduler run, and measures the scan rate, connections, CPU,
 * heap, database size, scheduler lag and the Prometheus scrape. In the same run, the
 * baseline: full handshakes per second of a plain JSSE client loop with the scheduler's
 * thread count against the same servers. Run with {@code bench/fleet.sh}; not a test.
 */
public final class FleetScaleBenchmark {

	private static final boolean QUICK = Boolean.getBoolean("bench.quick");

	private static final List<Integer> SIZES = QUICK ? List.of(200) : List.of(1_000, 5_000, 10_000);

	/** How long the scheduler runs while it is measured, per size. */
	private static final Duration WINDOW = Duration.ofSeconds(Long.getLong("bench.window", QUICK ? 20 : 60));

	/** Scans before the window starts: the JVM warms up, the first firings are picked. */
	private static final Duration SETTLE = Duration.ofSeconds(QUICK ? 5 : 10);

	/**
	 * Before the quick checks are measured: full probes still running end (a tarpit's
	 * after its handshake timeout), the backlog of due firings forms, and the JIT
	 * compiles the quick check's path. The application runs for days; the window measures
	 * it after that. Sampled every 30 s on 2 cores, the C2 compiler threads took 15-24%
	 * of the application's CPU for the first three and a half minutes of quick checks,
	 * then 1-3%, and the application's CPU per quick check fell by half.
	 * {@code -Dbench.quickSettle=30} shortens it for a run that only counts statements.
	 */
	private static final Duration QUICK_SETTLE = Duration.ofSeconds(Long.getLong("bench.quickSettle", 240));

	/**
	 * How often the heap is read from {@code /actuator/prometheus} in a window: as often
	 * as a Prometheus server would scrape (monitoring/prometheus/prometheus.yml says 30
	 * s). Every 2 s, as before, the scrapes alone made a sixth of the application's
	 * allocations in the quick-check window at 200 endpoints, and a scrape grows with the
	 * endpoints.
	 */
	private static final Duration HEAP_SCRAPE = Duration.ofSeconds(15);

	/** The baseline's loop runs this long before it is measured, for the same reason. */
	private static final Duration BASELINE_WARMUP = Duration.ofSeconds(QUICK ? 3 : 5);

	/** Quartz threads: scans at once, the application's default. */
	private static final int THREADS = Integer.getInteger("bench.threads", 10);

	/**
	 * {@code -Dbench.statements=true}: load pg_stat_statements into the application's
	 * PostgreSQL (its process is restarted once, as after a crash, and the application
	 * reconnects) and print the statements of the quick-check window, per quick check.
	 */
	private static final boolean STATEMENTS = Boolean.getBoolean("bench.statements");

	private static final int ADDRESSES = 4;

	private static final int INTERVAL_MINUTES = 60;

	private static final String PASSWORD = "fleet-bench-" + Long.toHexString(System.nanoTime());

	private static final Path WORK = Path.of("target", "bench-fleet");

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	/** An API token of the running application, as Prometheus scrapes with one. */
	private String token = "";

	private FleetScaleBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		new FleetScaleBenchmark().run();
	}

	private void run() throws Exception {
		Path jar = Path.of(System.getProperty("bench.jar", "target/tlswatch-0.1.0-SNAPSHOT.jar"));
		Files.createDirectories(WORK);
		List<Result> results = new ArrayList<>();
		double baseline;
		try (BenchServers servers = BenchServers.start(ADDRESSES)) {
			Path bundle = WORK.resolve("ca.pem");
			Files.writeString(bundle, TestPem.certificates(List.of(servers.ca())));
			for (int size : SIZES) {
				results.add(measure(jar, bundle, servers, size));
			}
			baseline = jsseHandshakesPerSecond(servers);
		}
		report(results, baseline);
	}

	private Result measure(Path jar, Path bundle, BenchServers servers, int size) throws Exception {
		int httpPort = freePort();
		int dbPort = freePort();
		Path data = WORK.resolve("pg-" + size);
		deleteTree(data);
		System.out.printf("%n== %,d endpoints: starting the application (log: %s)%n", size,
				WORK.resolve("app-" + size + ".log"));
		Process app = start(jar, bundle, data, httpPort, dbPort, size);
		try {
			String base = "http://127.0.0.1:" + httpPort;
			awaitReady(base, app);
			if (STATEMENTS) {
				loadStatementStatistics(base, app, data, dbPort);
			}
			this.token = BenchTokens.create(this.http, base, "admin", PASSWORD);
			try (Connection db = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + dbPort + "/postgres",
					"postgres", "")) {
				long emptyBytes = databaseBytes(db);
				Instant registering = Instant.now();
				register(base, servers, size);
				Instant registered = Instant.now();
				long registeredBytes = databaseBytes(db);
				long registeredScans = count(db, "select count(*) from scan");
				long registeredHistory = historyBytes(db);
				System.out.printf("registered %,d endpoints in %.1f s%n", size,
						Duration.between(registering, registered).toMillis() / 1000.0);
				Thread.sleep(SETTLE.toMillis());
				Measured measured = watch(base, app, servers, data);
				Instant from = measured.from();
				Instant to = measured.to();
				double cpu = measured.cpuSeconds();
				long connections = measured.connections();
				long maxHeap = measured.maxHeap();
				Window window = window(db, from, to);
				List<Double> scrapes = new ArrayList<>();
				for (int i = 0; i < 5; i++) {
					scrapes.add(scrapeMillis(base));
				}
				double prometheusLag = prometheusLag(base);
				double seconds = Duration.between(from, to).toMillis() / 1000.0;
				long scans = count(db, "select count(*) from scan");
				long endBytes = databaseBytes(db);
				long fullHistory = historyBytes(db);
				QuickWindow quick = quickWindow(base, db, app, servers, data);
				maxHeap = Math.max(maxHeap, quick.maxHeap());
				long quickScans = count(db, "select count(*) from scan") - scans;
				double quickBytes = (quickScans > 0) ? (databaseBytes(db) - endBytes) * 100_000.0 / quickScans : 0;
				History history = new History(
						(scans > registeredScans)
								? (fullHistory - registeredHistory) / (double) (scans - registeredScans) : 0,
						(quickScans > 0) ? (historyBytes(db) - fullHistory) / (double) quickScans : 0);
				Result result = new Result(size, seconds, window.scans() / seconds, window.tarpitScans() / seconds,
						window.connectionsPerScan(), cpu, window.scans() + window.tarpitScans(), maxHeap,
						heapBytes(base), (registeredBytes - emptyBytes) * 1000.0 / size,
						(scans > registeredScans) ? (endBytes - registeredBytes) * 100_000.0 / (scans - registeredScans)
								: 0,
						endBytes, scans, window.lagP50(), window.lagP95(), window.lagMax(), prometheusLag,
						median(scrapes), connections / seconds, quick, quickBytes, history);
				System.out.println(result);
				return result;
			}
		}
		finally {
			stop(app);
		}
	}

	private static Process start(Path jar, Path bundle, Path data, int httpPort, int dbPort, int size)
			throws IOException {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m"));
		// For a profile of the application, e.g.
		// -Dbench.appJvmArgs=-XX:StartFlightRecording=filename=app.jfr
		String extra = System.getProperty("bench.appJvmArgs", "").strip();
		if (!extra.isEmpty()) {
			command.addAll(List.of(extra.split("\\s+")));
		}
		command.addAll(List.of("-jar", jar.toString(), "--server.port=" + httpPort, "--server.address=127.0.0.1",
				"--tlswatch.embedded-db.data-directory=" + data.toAbsolutePath(),
				"--tlswatch.embedded-db.port=" + dbPort, "--tlswatch.scan.trust-bundle=" + bundle.toAbsolutePath(),
				"--spring.quartz.properties.org.quartz.threadPool.threadCount=" + THREADS, "--spring.mail.host=",
				"--management.health.mail.enabled=false", "--logging.level.root=WARN"));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(WORK.resolve("app-" + size + ".log").toFile());
		builder.environment().put("TLSWATCH_ADMIN_PASSWORD", PASSWORD);
		return builder.start();
	}

	private void awaitReady(String base, Process app) throws Exception {
		Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
		while (Instant.now().isBefore(deadline)) {
			if (!app.isAlive()) {
				throw new IllegalStateException("The application exited with " + app.exitValue() + "; see its log");
			}
			try {
				if (get(base + "/actuator/health/readiness", false).statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// Not listening yet.
			}
			Thread.sleep(500);
		}
		throw new IllegalStateException("The application did not become ready within 3 minutes");
	}

	/**
	 * Registers the fleet through {@code POST /api/v1/endpoints/import} (CSV, at most
	 * 5,000 rows a request): every tenth endpoint a tarpit, the rest spread over the TLS
	 * servers, each with its own server name so that every endpoint is distinct.
	 */
	private void register(String base, BenchServers servers, int size) throws Exception {
		List<BenchServers.Target> tls = servers.tls();
		List<BenchServers.Target> tarpits = servers.tarpits();
		StringBuilder csv = new StringBuilder();
		int rows = 0;
		for (int i = 0; i < size; i++) {
			boolean tarpit = i % 10 == 9;
			BenchServers.Target target = tarpit ? tarpits.get(i % tarpits.size()) : tls.get(i % tls.size());
			if (rows == 0) {
				csv.append("host,port,tlsMode,sniName,tags,interval\n");
			}
			csv.append(target.address())
				.append(',')
				.append(target.port())
				.append(",IMPLICIT,e")
				.append(i)
				.append(".bench.test,")
				.append(tarpit ? "bench tarpit" : "bench")
				.append(',')
				.append(INTERVAL_MINUTES)
				.append('\n');
			rows++;
			if (rows == 5_000 || i == size - 1) {
				HttpResponse<String> response = this.http
					.send(authorized(base + "/api/v1/endpoints/import").header("Content-Type", "text/csv")
						.POST(HttpRequest.BodyPublishers.ofString(csv.toString()))
						.timeout(Duration.ofMinutes(5))
						.build(), HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() != 201) {
					throw new IllegalStateException("Import answered " + response.statusCode() + ": "
							+ response.body().substring(0, Math.min(500, response.body().length())));
				}
				csv.setLength(0);
				rows = 0;
			}
		}
	}

	/** What the scheduler did in the window, read from the application's database. */
	private static Window window(Connection db, Instant from, Instant to) throws SQLException {
		String inWindow = " s.finished_at >= '" + from + "'::timestamptz and s.finished_at < '" + to
				+ "'::timestamptz ";
		String tarpit = " exists (select 1 from endpoint_tag t where t.endpoint_id = s.endpoint_id and t.tag = 'tarpit') ";
		long scans = count(db, "select count(*) from scan s where" + inWindow + "and not" + tarpit);
		long tarpitScans = count(db, "select count(*) from scan s where" + inWindow + "and" + tarpit);
		double connections = number(db, "select coalesce(avg(c), 0) from (select sum(r.connections) as c from scan s "
				+ "join scan_result r on r.scan_id = s.id where" + inWindow + "and not" + tarpit + "group by s.id) x");
		String lag = "select coalesce(percentile_cont(%s) within group (order by extract(epoch from s.started_at - "
				+ "e.created_at)), 0) from scan s join endpoint e on e.id = s.endpoint_id where" + inWindow + "and not"
				+ tarpit;
		return new Window(scans, tarpitScans, connections, number(db, lag.formatted("0.5")),
				number(db, lag.formatted("0.95")), number(db, lag.formatted("1.0")));
	}

	/**
	 * The quick checks: what every scheduled firing after an endpoint's first runs. The
	 * endpoints without a full probe yet are disabled through the bulk API, so that no
	 * first firing (a full probe) is left in the backlog. Then, once a second, the
	 * harness moves the next firing of every scanned TLS endpoint whose trigger is
	 * waiting for its next hour to now (in Quartz's own table; the tarpits keep their
	 * hourly firings): the real scheduler works through a standing backlog of due
	 * firings, as it does when many endpoints fall due at once, and each firing runs the
	 * adaptive decision, a quick check that stands because nothing changed. Measured:
	 * quick checks per second, connections the TLS servers accepted per quick check, the
	 * application's CPU seconds per quick check, heap.
	 */
	private QuickWindow quickWindow(String base, Connection db, Process app, BenchServers servers, Path data)
			throws Exception {
		String tarpit = " exists (select 1 from endpoint_tag t where t.endpoint_id = e.id and t.tag = 'tarpit') ";
		String scanned = " exists (select 1 from scan s where s.endpoint_id = e.id and s.kind = 'FULL' "
				+ "and s.finished_at is not null) ";
		List<Long> unscanned = ids(db, "select e.id from endpoint e where e.enabled and not" + scanned);
		for (int i = 0; i < unscanned.size(); i += 500) {
			bulk(base, "DISABLE", unscanned.subList(i, Math.min(unscanned.size(), i + 500)));
		}
		long candidates = count(db, "select count(*) from endpoint e where e.enabled and not" + tarpit);
		System.out.printf("quick checks: %,d scanned TLS endpoints (%,d without a full probe disabled)%n", candidates,
				unscanned.size());
		String bump = "update qrtz_triggers q set next_fire_time = (extract(epoch from clock_timestamp()) * 1000)::bigint "
				+ "from endpoint e where q.trigger_name = 'endpoint-' || e.id and q.trigger_state = 'WAITING' "
				+ "and q.next_fire_time > (extract(epoch from clock_timestamp()) * 1000)::bigint + 60000 and e.enabled "
				+ "and not" + tarpit;
		AtomicLong bumps = new AtomicLong();
		Thread bumper = Thread.ofPlatform().daemon().start(() -> {
			try (Connection own = DriverManager.getConnection(db.getMetaData().getURL(), "postgres", "");
					Statement statement = own.createStatement()) {
				while (!Thread.currentThread().isInterrupted()) {
					bumps.addAndGet(statement.executeUpdate(bump));
					Thread.sleep(1_000);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			catch (SQLException ex) {
				System.out.println("The backlog of quick checks stopped: " + ex);
			}
		});
		try {
			// The first full probes still running finish, the backlog forms, the JVM
			// compiles the quick path.
			Thread.sleep(QUICK_SETTLE.toMillis());
			if (STATEMENTS) {
				try (Statement statement = db.createStatement()) {
					statement.execute("select pg_stat_statements_reset()");
					statement.execute("select pg_stat_reset()");
				}
			}
			Measured measured = watch(base, app, servers, data);
			Instant from = measured.from();
			Instant to = measured.to();
			double cpu = measured.cpuSeconds();
			double postgres = measured.postgresSeconds();
			double busy = measured.machineBusy();
			long connections = measured.connections();
			long maxHeap = measured.maxHeap();
			String inWindow = " s.finished_at >= '" + from + "'::timestamptz and s.finished_at < '" + to
					+ "'::timestamptz ";
			long quickScans = count(db, "select count(*) from scan s where" + inWindow + "and s.kind = 'QUICK'");
			long fullScans = count(db, "select count(*) from scan s where" + inWindow + "and s.kind = 'FULL'");
			double recorded = number(db,
					"select coalesce(avg(c), 0) from (select sum(r.connections) as c from scan s "
							+ "join scan_result r on r.scan_id = s.id where" + inWindow
							+ "and s.kind = 'QUICK' group by s.id) x");
			double seconds = Duration.between(from, to).toMillis() / 1000.0;
			long scans = quickScans + fullScans;
			if (STATEMENTS) {
				printStatements(db, scans);
			}
			return new QuickWindow(candidates, seconds, quickScans / seconds, fullScans,
					(scans > 0) ? connections / (double) scans : 0, recorded, (scans > 0) ? cpu / scans : 0, maxHeap,
					bumps.get(), (scans > 0) ? postgres / scans : 0, busy);
		}
		finally {
			bumper.interrupt();
			bumper.join(5_000);
		}
	}

	/**
	 * Loads pg_stat_statements, which PostgreSQL only loads at start: set in
	 * {@code postgresql.auto.conf}, then the server is stopped fast, the application's
	 * supervisor starts it again and the application reconnects.
	 */
	private void loadStatementStatistics(String base, Process app, Path data, int dbPort) throws Exception {
		String url = "jdbc:postgresql://127.0.0.1:" + dbPort + "/postgres";
		try (Connection db = DriverManager.getConnection(url, "postgres", "");
				Statement statement = db.createStatement()) {
			statement.execute("alter system set shared_preload_libraries = 'pg_stat_statements'");
			statement.execute("alter system set pg_stat_statements.track_utility = off");
		}
		long postmaster = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).strip());
		new ProcessBuilder("kill", "-INT", Long.toString(postmaster)).inheritIO().start().waitFor();
		Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
		while (true) {
			try (Connection db = DriverManager.getConnection(url, "postgres", "");
					Statement statement = db.createStatement()) {
				statement.execute("create extension if not exists pg_stat_statements");
				break;
			}
			catch (SQLException ex) {
				if (Instant.now().isAfter(deadline)) {
					throw ex;
				}
				Thread.sleep(500);
			}
		}
		awaitReady(base, app);
		System.out.println("pg_stat_statements loaded (PostgreSQL restarted once)");
	}

	/** The statements of the quick-check window by total time, per scan in it. */
	private static void printStatements(Connection db, long scans) throws SQLException {
		if (scans == 0) {
			return;
		}
		try (Statement statement = db.createStatement();
				ResultSet rows = statement.executeQuery("select calls, total_exec_time, total_plan_time, rows, "
						+ "regexp_replace(query, '\\s+', ' ', 'g') as query from pg_stat_statements "
						+ "where dbid = (select oid from pg_database where datname = current_database()) "
						+ "order by total_exec_time + total_plan_time desc limit 40")) {
			System.out.printf("Statements per scan in the quick-check window (%,d scans):%n", scans);
			System.out.println("| calls/scan | ms/scan | rows/call | statement |");
			while (rows.next()) {
				String query = rows.getString("query");
				System.out.printf(Locale.ROOT, "| %.2f | %.3f | %.1f | %s |%n", rows.getLong("calls") / (double) scans,
						(rows.getDouble("total_exec_time") + rows.getDouble("total_plan_time")) / scans,
						rows.getLong("rows") / (double) Math.max(1, rows.getLong("calls")),
						query.substring(0, Math.min(220, query.length())));
			}
		}
		try (Statement statement = db.createStatement();
				ResultSet rows = statement.executeQuery("select sum(calls) from pg_stat_statements")) {
			rows.next();
			System.out.printf(Locale.ROOT, "statements per scan: %.1f%n", rows.getLong(1) / (double) scans);
		}
		try (Statement statement = db.createStatement();
				ResultSet rows = statement.executeQuery("select xact_commit + xact_rollback from pg_stat_database "
						+ "where datname = current_database()")) {
			rows.next();
			System.out.printf(Locale.ROOT, "transactions per scan: %.1f%n", rows.getLong(1) / (double) scans);
		}
	}

	/**
	 * Watches the running application for {@link #WINDOW}: its CPU time, its
	 * PostgreSQL's, the machine's, the connections the TLS servers accepted and the most
	 * heap in use (scraped every {@link #HEAP_SCRAPE}).
	 */
	private Measured watch(String base, Process app, BenchServers servers, Path data) throws Exception {
		Instant from = Instant.now();
		double cpuFrom = cpuSeconds(app.pid());
		double postgresFrom = postgresCpuSeconds(data);
		long[] machineFrom = machineTicks();
		long connectionsFrom = servers.tlsConnections();
		long maxHeap = 0;
		while (Instant.now().isBefore(from.plus(WINDOW))) {
			maxHeap = Math.max(maxHeap, heapBytes(base));
			Thread.sleep(Math.min(HEAP_SCRAPE.toMillis(),
					Math.max(0, Duration.between(Instant.now(), from.plus(WINDOW)).toMillis())));
		}
		maxHeap = Math.max(maxHeap, heapBytes(base));
		Instant to = Instant.now();
		long[] machineTo = machineTicks();
		return new Measured(from, to, cpuSeconds(app.pid()) - cpuFrom, postgresCpuSeconds(data) - postgresFrom,
				1 - (machineTo[1] - machineFrom[1]) / (double) Math.max(1, machineTo[0] - machineFrom[0]),
				servers.tlsConnections() - connectionsFrom, maxHeap);
	}

	private void bulk(String base, String action, List<Long> ids) throws Exception {
		String body = "{\"action\":\"" + action + "\",\"ids\":" + ids + "}";
		HttpResponse<String> response = this.http
			.send(authorized(base + "/api/v1/endpoints/bulk").header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.timeout(Duration.ofMinutes(2))
				.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException("Bulk " + action + " answered " + response.statusCode() + ": "
					+ response.body().substring(0, Math.min(500, response.body().length())));
		}
	}

	private static List<Long> ids(Connection db, String sql) throws SQLException {
		List<Long> ids = new ArrayList<>();
		try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
			while (rows.next()) {
				ids.add(rows.getLong(1));
			}
		}
		return ids;
	}

	/**
	 * Full TLS handshakes per second of a plain JSSE client loop, {@link #THREADS}
	 * threads, against the same TLS servers; sessions are invalidated so that none is
	 * resumed.
	 */
	private static double jsseHandshakesPerSecond(BenchServers servers) throws Exception {
		KeyStore trust = KeyStore.getInstance("PKCS12");
		trust.load(null, null);
		trust.setCertificateEntry("ca", servers.ca());
		TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		factory.init(trust);
		SSLContext context = SSLContext.getInstance("TLS");
		context.init(null, factory.getTrustManagers(), null);
		List<BenchServers.Target> targets = servers.tls();
		Duration duration = Duration.ofSeconds(QUICK ? 5 : 15);
		AtomicLong handshakes = new AtomicLong();
		Instant start = Instant.now().plus(BASELINE_WARMUP);
		Instant end = start.plus(duration);
		ExecutorService pool = Executors.newFixedThreadPool(THREADS);
		for (int t = 0; t < THREADS; t++) {
			int offset = t;
			pool.submit(() -> {
				int i = offset;
				while (Instant.now().isBefore(end)) {
					BenchServers.Target target = targets.get(i++ % targets.size());
					try (SSLSocket socket = (SSLSocket) context.getSocketFactory()
						.createSocket(target.address(), target.port())) {
						socket.setSoTimeout(10_000);
						socket.startHandshake();
						socket.getSession().invalidate();
						if (Instant.now().isAfter(start)) {
							handshakes.incrementAndGet();
						}
					}
					catch (IOException ex) {
						// Counted as not done.
					}
				}
			});
		}
		pool.shutdown();
		pool.awaitTermination(BASELINE_WARMUP.plus(duration).toSeconds() + 30, TimeUnit.SECONDS);
		return handshakes.get() / (double) duration.toSeconds();
	}

	private void report(List<Result> results, double baseline) throws IOException {
		double firings = 24 * 60.0 / INTERVAL_MINUTES;
		System.out.printf("%n== Fleet benchmark: %s%n", machine());
		System.out.printf(
				"Scheduler: %d Quartz threads, interval %d min, %d%% tarpits, heap limit -Xmx512m. Full probes: window "
						+ "%d s after %d s, every firing in it a new endpoint's first. Quick checks: window %d s after "
						+ "%d s, the firings of the endpoints with a full probe kept due%n",
				THREADS, INTERVAL_MINUTES, 10, WINDOW.toSeconds(), SETTLE.toSeconds(), WINDOW.toSeconds(),
				QUICK_SETTLE.toSeconds());
		System.out.printf(
				"Baseline: plain JSSE client loop, %d threads, same servers: %.0f full handshakes/s (after %d s of warm-up)%n",
				THREADS, baseline, BASELINE_WARMUP.toSeconds());
		System.out.println();
		System.out.println("Full probes (a new endpoint's first firing):");
		System.out.println();
		header("| endpoints | full probes/s | tarpit scans/s | connections/s (× baseline) | connections "
				+ "per full probe | CPU s per full probe | heap max / end | DB per 1,000 endpoints | DB per 100,000 full "
				+ "probes | DB total (scans) | first-scan lag p50 / p95 / max of non-tarpits | "
				+ "tlswatch_scheduler_lag_seconds | scrape |");
		for (Result r : results) {
			double cpuPerScan = (r.scans() > 0) ? r.cpuSeconds() / r.scans() : 0;
			System.out.printf(Locale.ROOT,
					"| %,d | %.1f | %.1f | %.0f (%.2f) | %.1f | %.3f | %d / %d MiB | %.1f MiB | %.0f MiB | %.0f MiB (%,d) "
							+ "| %.0f / %.0f / %.0f s | %.0f s | %.0f ms |%n",
					r.size(), r.fullProbesPerSecond(), r.tarpitScansPerSecond(), r.connectionsPerSecond(),
					r.connectionsPerSecond() / baseline, r.connectionsPerScan(), cpuPerScan, r.maxHeap() >> 20,
					r.endHeap() >> 20, r.bytesPer1000Endpoints() / (1 << 20), r.bytesPer100000Scans() / (1 << 20),
					r.databaseBytes() / (double) (1 << 20), r.totalScans(), r.lagP50(), r.lagP95(), r.lagMax(),
					r.prometheusLag(), r.scrapeMillis());
		}
		System.out.println();
		System.out.println("Quick checks (every later firing; the adaptive decision kept each, nothing changed):");
		System.out.println();
		header("| endpoints | TLS endpoints kept due | quick checks/s | × baseline | full probes in the window "
				+ "| connections per quick check (servers / recorded) | CPU s per quick check: app / PostgreSQL | "
				+ "machine busy | heap max | DB per 100,000 quick checks |");
		for (Result r : results) {
			QuickWindow q = r.quick();
			System.out.printf(Locale.ROOT,
					"| %,d | %,d | %.1f | %.2f | %,d | %.2f / %.2f | %.4f / %.4f | %.0f%% | %d MiB | %.0f MiB |%n",
					r.size(), q.endpoints(), q.perSecond(), q.perSecond() / baseline, q.fullProbes(),
					q.connectionsPerScan(), q.recordedConnections(), q.cpuPerScan(), q.postgresCpuPerScan(),
					100 * q.machineBusy(), q.maxHeap() >> 20, r.bytesPer100000QuickChecks() / (1 << 20));
		}
		System.out.println();
		System.out.printf(
				"A day at a %d-minute interval (%.0f firings; 90%% TLS endpoints, 10%% tarpits at one "
						+ "connection a firing), from the measured connections and CPU per scan:%n",
				INTERVAL_MINUTES, firings);
		System.out.println();
		header("| endpoints | connections per endpoint per day: every firing a full probe | adaptive, "
				+ "nothing changed (one full probe a day) | fewer | CPU s per endpoint-hour: full / adaptive | share "
				+ "of one core at this N: full / adaptive |");
		for (Result r : results) {
			QuickWindow q = r.quick();
			double full = r.connectionsPerScan();
			double quick = q.recordedConnections();
			double without = (0.9 * full + 0.1) * firings;
			double with = 0.9 * ((firings - 1) * quick + full) + 0.1 * firings;
			double cpuFull = (r.scans() > 0) ? r.cpuSeconds() / r.scans() : 0;
			double cpuAdaptive = ((firings - 1) * q.cpuPerScan() + cpuFull) / firings;
			System.out.printf(Locale.ROOT, "| %,d | %.0f | %.0f | %.1f× | %.3f / %.4f | %.1f%% / %.1f%% |%n", r.size(),
					without, with, without / with, cpuFull, cpuAdaptive, 100 * r.size() * cpuFull / 3600,
					100 * r.size() * cpuAdaptive / 3600);
		}
		System.out.println();
		System.out.println("History (tables scan*, finding*, certificate with indexes and TOAST), and a year of one "
				+ "endpoint with the default retention (90 days kept whole, then one scan a day; nothing changed):");
		System.out.println();
		header("| endpoints | KiB per full probe | KiB per quick check | per endpoint-year: every firing a full "
				+ "probe | adaptive |");
		for (Result r : results) {
			History h = r.history();
			double full = h.bytesPerFullProbe();
			double quick = h.bytesPerQuickCheck();
			double without = (90 * firings + 275) * full;
			double with = 90 * ((firings - 1) * quick + full) + 275 * full;
			System.out.printf(Locale.ROOT, "| %,d | %.1f | %.1f | %.0f MiB | %.0f MiB |%n", r.size(), full / 1024,
					quick / 1024, without / (1 << 20), with / (1 << 20));
		}
		System.out.println();
		System.out.println("Load average at the end: " + Files.readString(Path.of("/proc/loadavg")).strip());
	}

	/** A Markdown table's header row, given as one string of cells, and its separator. */
	private static void header(String row) {
		System.out.println(row);
		System.out.println("|" + " --- |".repeat((int) row.chars().filter((c) -> c == '|').count() - 1));
	}

	private static String machine() throws IOException {
		long memoryKib = Files.readAllLines(Path.of("/proc/meminfo"))
			.stream()
			.filter((line) -> line.startsWith("MemTotal:"))
			.map((line) -> Long.parseLong(line.replaceAll("[^0-9]", "")))
			.findFirst()
			.orElse(0L);
		return "%d cores, %.1f GiB memory, Java %s (%s), load average %s".formatted(
				Runtime.getRuntime().availableProcessors(), memoryKib / 1024.0 / 1024.0,
				System.getProperty("java.version"), System.getProperty("java.vm.name"),
				Files.readString(Path.of("/proc/loadavg")).strip());
	}

	/** Heap in use: the sum of {@code jvm_memory_used_bytes{area="heap"}} of a scrape. */
	private long heapBytes(String base) {
		try {
			return (long) sum(get(base + "/actuator/prometheus", true).body(),
					"^jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*\\} ([0-9.Ee+-]+)$");
		}
		catch (IOException | InterruptedException ex) {
			return 0;
		}
	}

	/** What {@code tlswatch_scheduler_lag_seconds} says. */
	private double prometheusLag(String base) throws IOException, InterruptedException {
		return sum(get(base + "/actuator/prometheus", true).body(),
				"^tlswatch_scheduler_lag_seconds(?:\\{[^}]*\\})? ([0-9.Ee+-]+)$");
	}

	private static double sum(String scrape, String line) {
		Matcher values = Pattern.compile(line, Pattern.MULTILINE).matcher(scrape);
		double sum = 0;
		while (values.find()) {
			sum += Double.parseDouble(values.group(1));
		}
		return sum;
	}

	private double scrapeMillis(String base) throws Exception {
		long start = System.nanoTime();
		HttpResponse<String> response = get(base + "/actuator/prometheus", true);
		double millis = (System.nanoTime() - start) / 1e6;
		if (response.statusCode() != 200) {
			throw new IllegalStateException("The scrape answered " + response.statusCode());
		}
		return millis;
	}

	private HttpResponse<String> get(String url, boolean credentials) throws IOException, InterruptedException {
		HttpRequest.Builder request = credentials
				? HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + this.token)
				: HttpRequest.newBuilder(URI.create(url));
		return this.http.send(request.timeout(Duration.ofSeconds(30)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private static HttpRequest.Builder authorized(String url) {
		String basic = Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
		return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Basic " + basic);
	}

	/**
	 * CPU seconds of the application's PostgreSQL: its postmaster (the first line of
	 * {@code postmaster.pid} in its data directory) and the postmaster's children (the
	 * backends, which the connection pools keep open).
	 */
	private static double postgresCpuSeconds(Path data) throws IOException {
		long postmaster = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).strip());
		double seconds = cpuSeconds(postmaster);
		try (var processes = Files.list(Path.of("/proc"))) {
			for (Path process : processes.filter((path) -> path.getFileName().toString().matches("[0-9]+")).toList()) {
				try {
					String stat = Files.readString(process.resolve("stat"));
					String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
					if (Long.parseLong(fields[1]) == postmaster) {
						seconds += (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
					}
				}
				catch (IOException ex) {
					// The process ended meanwhile.
				}
			}
		}
		return seconds;
	}

	/** The machine's CPU ticks from {@code /proc/stat}: all, and idle plus I/O wait. */
	private static long[] machineTicks() throws IOException {
		String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
		long total = 0;
		for (int i = 1; i < Math.min(fields.length, 9); i++) {
			total += Long.parseLong(fields[i]);
		}
		return new long[] { total, Long.parseLong(fields[4]) + Long.parseLong(fields[5]) };
	}

	/** User and system CPU time of a process, from {@code /proc/<pid>/stat}. */
	private static double cpuSeconds(long pid) throws IOException {
		String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
		String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
		// Fields 14 and 15 of stat(5) are utime and stime in clock ticks (100 per second
		// on Linux).
		return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
	}

	private static long historyBytes(Connection db) throws SQLException {
		return count(db, "select coalesce(sum(pg_total_relation_size(c.oid)), 0) from pg_class c join pg_namespace n "
				+ "on n.oid = c.relnamespace where n.nspname = current_schema() and c.relkind = 'r' and (c.relname "
				+ "like 'scan%' or c.relname like 'finding%' or c.relname = 'certificate')");
	}

	private static long databaseBytes(Connection db) throws SQLException {
		return count(db, "select pg_database_size(current_database())");
	}

	private static long count(Connection db, String sql) throws SQLException {
		return (long) number(db, sql);
	}

	private static double number(Connection db, String sql) throws SQLException {
		try (Statement statement = db.createStatement(); ResultSet row = statement.executeQuery(sql)) {
			row.next();
			return row.getDouble(1);
		}
	}

	private static double median(List<Double> values) {
		List<Double> sorted = values.stream().sorted(Comparator.naturalOrder()).toList();
		return sorted.get(sorted.size() / 2);
	}

	private static void stop(Process app) throws InterruptedException {
		app.destroy();
		if (!app.waitFor(60, TimeUnit.SECONDS)) {
			app.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static void deleteTree(Path path) throws IOException {
		if (Files.exists(path)) {
			try (var files = Files.walk(path)) {
				for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
					Files.delete(file);
				}
			}
		}
	}

	/**
	 * What one window measured of the running application and the machine.
	 *
	 * @param from when it started
	 * @param to when it ended
	 * @param cpuSeconds the application's CPU seconds
	 * @param postgresSeconds its PostgreSQL's CPU seconds
	 * @param machineBusy the share of the machine's CPU time that was not idle
	 * @param connections the connections the TLS servers accepted
	 * @param maxHeap the most heap in use
	 */
	private record Measured(Instant from, Instant to, double cpuSeconds, double postgresSeconds, double machineBusy,
			long connections, long maxHeap) {
	}

	/**
	 * What the scheduler did in the measured window.
	 *
	 * @param scans full probes of TLS servers that finished
	 * @param tarpitScans scans of tarpits that finished
	 * @param connectionsPerScan connections per full probe
	 * @param lagP50 median seconds from registration to the scan's start (non-tarpits)
	 * @param lagP95 95th percentile of the same
	 * @param lagMax the largest
	 */
	private record Window(long scans, long tarpitScans, double connectionsPerScan, double lagP50, double lagP95,
			double lagMax) {
	}

	/**
	 * The numbers of one fleet size.
	 */
	private record Result(int size, double seconds, double fullProbesPerSecond, double tarpitScansPerSecond,
			double connectionsPerScan, double cpuSeconds, long scans, long maxHeap, long endHeap,
			double bytesPer1000Endpoints, double bytesPer100000Scans, long databaseBytes, long totalScans,
			double lagP50, double lagP95, double lagMax, double prometheusLag, double scrapeMillis,
			double connectionsPerSecond, QuickWindow quick, double bytesPer100000QuickChecks, History history) {
	}

	/**
	 * What a scan adds to the history tables (scans, their addresses and versions,
	 * findings, certificates, with indexes and TOAST): unlike the database's size, free
	 * of the dead rows that the event registry and Quartz leave until autovacuum reuses
	 * them.
	 *
	 * @param bytesPerFullProbe per full probe (the first scans of new endpoints)
	 * @param bytesPerQuickCheck per quick check
	 */
	private record History(double bytesPerFullProbe, double bytesPerQuickCheck) {
	}

	/**
	 * The quick checks of one fleet size.
	 *
	 * @param endpoints the TLS endpoints with a full probe whose firings were kept due
	 * @param seconds the window
	 * @param perSecond quick checks that finished per second
	 * @param fullProbes full probes that finished in the window (escalations and first
	 * probes still running)
	 * @param connectionsPerScan connections the TLS servers accepted per scan in the
	 * window
	 * @param recordedConnections connections per quick check as the scans record them
	 * @param cpuPerScan the application's CPU seconds per scan in the window
	 * @param maxHeap the most heap in use
	 * @param bumps firings moved to now by the harness
	 * @param postgresCpuPerScan the CPU seconds of the application's PostgreSQL per scan
	 * @param machineBusy the share of the machine's CPU time that was not idle
	 */
	private record QuickWindow(long endpoints, double seconds, double perSecond, long fullProbes,
			double connectionsPerScan, double recordedConnections, double cpuPerScan, long maxHeap, long bumps,
			double postgresCpuPerScan, double machineBusy) {
	}

}
