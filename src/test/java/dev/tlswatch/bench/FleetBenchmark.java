package dev.tlswatch.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

import dev.tlswatch.TlsWatchApplication;
import dev.tlswatch.endpoint.Endpoints;
import dev.tlswatch.endpoint.TlsMode;
import dev.tlswatch.finding.EndpointStatus;
import dev.tlswatch.fleet.Fleet;
import dev.tlswatch.fleet.FleetFilter;
import dev.tlswatch.fleet.FleetSort;
import dev.tlswatch.probe.TlsVersion;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;

/**
 * How the dashboard behaves with a large fleet: 10,000 endpoints, 1,000,000 scans and
 * 10,000 open alerts in an embedded PostgreSQL, seeded with SQL. Every dashboard page and
 * API list is requested over HTTP (HTTP Basic as the admin) several times after a warm-up
 * and reported with its median and 95th percentile, beside a baseline in the same run
 * (one plain page of the endpoint registry, {@code GET /api/v1/endpoints}); the fleet
 * queries behind them are also timed on their own. The application is started twice on
 * the same data: the second start fills the metrics snapshot from the seeded rows, so
 * that the Prometheus scrape is timed at full size. Run with {@code bench/fleet.sh}; not
 * a test.
 */
public final class FleetBenchmark {

	private static final int ENDPOINTS = Integer.getInteger("bench.endpoints", 10_000);

	private static final int SCANS_PER_ENDPOINT = Integer.getInteger("bench.scansPerEndpoint", 100);

	/** Scans of each endpoint older than the 90 days retention keeps in full. */
	static final int OLD_SCANS_PER_ENDPOINT = SCANS_PER_ENDPOINT / 2;

	private static final int RUNS = Integer.getInteger("bench.runs", 30);

	/** The longest the retention phase lets the run prune before it stops it. */
	private static final Duration RETENTION_CAP = Duration.ofMinutes(Integer.getInteger("bench.retentionMinutes", 20));

	/** Rounds of the retention phase's requests while idle and after the run. */
	private static final int RETENTION_ROUNDS = Integer.getInteger("bench.retentionRounds", 100);

	private static final int WARMUP = Integer.getInteger("bench.warmup", 5);

	private static final String PASSWORD = "fleet-bench-" + Long.toHexString(System.nanoTime());

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private FleetBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		Path data = Files.createTempDirectory("tlswatch-fleet-bench");
		try {
			run(data);
		}
		finally {
			// About 1 GiB at full size: the database is thrown away.
			FileSystemUtils.deleteRecursively(data);
		}
	}

	private static void run(Path data) throws Exception {
		try (ConfigurableApplicationContext context = start(data)) {
			JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
			long seedStart = System.nanoTime();
			seed(jdbc);
			System.out.printf("Seeded %,d endpoints, %,d scans and %,d open alerts in %.1f s%n", ENDPOINTS,
					(long) ENDPOINTS * SCANS_PER_ENDPOINT, ENDPOINTS, (System.nanoTime() - seedStart) / 1e9);
		}
		AtomicReference<TimedScanRetention> timedScans = new AtomicReference<>();
		try (ConfigurableApplicationContext context = start(data, timedScans::set)) {
			String base = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
			long someEndpoint = context.getBean(JdbcTemplate.class)
				.queryForObject("select id from endpoint order by id offset ? limit 1", Long.class, ENDPOINTS / 2);
			System.out.printf("%nMachine: %d cores, Java %s, load average %s%n",
					Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), loadAverage());
			String token = BenchTokens.create(HTTP, base, "admin", PASSWORD);
			report("HTTP with an API token, " + RUNS + " runs after " + WARMUP + " warm-up runs",
					pages(base, token, someEndpoint));
			report("Fleet queries on their own",
					measurements(context.getBean(Fleet.class), context.getBean(Endpoints.class)));
			if (Boolean.parseBoolean(System.getProperty("bench.retention", "true"))) {
				System.out.printf("%nRetention phase, load average at its start: %s%n", loadAverage());
				new RetentionPhase(context, timedScans.get(), RETENTION_CAP)
					.run(retentionPages(base, token, someEndpoint), WARMUP, RETENTION_ROUNDS);
			}
			System.out.printf("%nLoad average at the end: %s%n", loadAverage());
		}
	}

	static String loadAverage() throws IOException {
		return Files.readString(Path.of("/proc/loadavg")).strip();
	}

	/**
	 * Starts the application on the data directory; the settings are command-line
	 * arguments, which win over {@code application.yaml}.
	 */
	private static ConfigurableApplicationContext start(Path data) {
		return start(data, (timed) -> {
		});
	}

	/**
	 * Starts the application with its {@code ScanRetention} bean wrapped in a
	 * {@link TimedScanRetention}, handed to {@code timedScans}.
	 */
	private static ConfigurableApplicationContext start(Path data, Consumer<TimedScanRetention> timedScans) {
		return new SpringApplicationBuilder(TlsWatchApplication.class)
			.initializers((ConfigurableApplicationContext context) -> ((GenericApplicationContext) context)
				.registerBean("benchTimedScanRetention", BeanPostProcessor.class,
						() -> TimedScanRetention.wrapping(timedScans)))
			.run("--tlswatch.embedded-db.data-directory=" + data, "--spring.quartz.auto-startup=false",
					"--server.port=0", "--server.address=127.0.0.1", "--logging.level.root=WARN",
					"--tlswatch.admin.password=" + PASSWORD, "--spring.mail.host=",
					"--management.health.mail.enabled=false");
	}

	private static Map<String, Supplier<Object>> pages(String base, String token, long endpoint) {
		Map<String, Supplier<Object>> pages = new LinkedHashMap<>();
		pages.put("baseline: GET /api/v1/endpoints (a page of the registry)", get(base, token, "/api/v1/endpoints"));
		pages.put("overview: GET /", get(base, token, "/"));
		pages.put("list: GET /endpoints", get(base, token, "/endpoints"));
		pages.put("list, page 101", get(base, token, "/endpoints?page=100"));
		pages.put("list, sort=expiry", get(base, token, "/endpoints?sort=expiry"));
		pages.put("list, sort=grade", get(base, token, "/endpoints?sort=grade"));
		pages.put("list, sort=status", get(base, token, "/endpoints?sort=status"));
		pages.put("list, sort=last_scan", get(base, token, "/endpoints?sort=last_scan"));
		pages.put("list, status=CRITICAL", get(base, token, "/endpoints?status=CRITICAL"));
		pages.put("list, grade=F", get(base, token, "/endpoints?grade=F"));
		pages.put("list, expiring=14", get(base, token, "/endpoints?expiring=14"));
		pages.put("list, accepts=TLS_1_0", get(base, token, "/endpoints?accepts=TLS_1_0"));
		pages.put("list, pq=no", get(base, token, "/endpoints?pq=no"));
		pages.put("list, tag=team-7", get(base, token, "/endpoints?tag=team-7"));
		pages.put("list, q=host-77", get(base, token, "/endpoints?q=host-77"));
		pages.put("alerts: GET /alerts (10,000 open)", get(base, token, "/alerts"));
		pages.put("alerts, state=OPEN&severity=CRITICAL", get(base, token, "/alerts?state=OPEN&severity=CRITICAL"));
		pages.put("endpoint page: GET /endpoints/{id}", get(base, token, "/endpoints/" + endpoint));
		pages.put("API: GET /api/v1/alerts", get(base, token, "/api/v1/alerts"));
		pages.put("API: GET /api/v1/endpoints/{id}/scans",
				get(base, token, "/api/v1/endpoints/" + endpoint + "/scans"));
		pages.put("API: GET /api/v1/endpoints/{id}/status",
				get(base, token, "/api/v1/endpoints/" + endpoint + "/status"));
		pages.put("scrape: GET /actuator/prometheus", get(base, token, "/actuator/prometheus"));
		return pages;
	}

	/**
	 * The requests timed while retention runs: a representative set of pages and API
	 * lists.
	 */
	private static Map<String, Supplier<Object>> retentionPages(String base, String token, long endpoint) {
		Map<String, Supplier<Object>> pages = new LinkedHashMap<>();
		pages.put("`GET /api/v1/endpoints`", get(base, token, "/api/v1/endpoints"));
		pages.put("overview: `GET /`", get(base, token, "/"));
		pages.put("list: `GET /endpoints`", get(base, token, "/endpoints"));
		pages.put("list, `status=CRITICAL`", get(base, token, "/endpoints?status=CRITICAL"));
		pages.put("`GET /alerts`", get(base, token, "/alerts"));
		pages.put("endpoint page: `GET /endpoints/{id}`", get(base, token, "/endpoints/" + endpoint));
		pages.put("`GET /api/v1/endpoints/{id}/scans`", get(base, token, "/api/v1/endpoints/" + endpoint + "/scans"));
		pages.put("`GET /actuator/prometheus`", get(base, token, "/actuator/prometheus"));
		return pages;
	}

	private static Supplier<Object> get(String base, String token, String path) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
			.header("Authorization", "Bearer " + token)
			.timeout(Duration.ofSeconds(60))
			.GET()
			.build();
		return () -> {
			try {
				HttpResponse<byte[]> response = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
				if (response.statusCode() != 200) {
					throw new IllegalStateException(path + " answered " + response.statusCode());
				}
				return response.body().length;
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		};
	}

	private static Map<String, Supplier<Object>> measurements(Fleet fleet, Endpoints endpoints) {
		PageRequest page = PageRequest.of(0, 50);
		PageRequest deep = PageRequest.of(150, 50);
		Map<String, Supplier<Object>> queries = new LinkedHashMap<>();
		queries.put("baseline: Endpoints.list, first page", () -> endpoints.list(page));
		queries.put("overview", fleet::overview);
		queries.put("list, no filter, by host", () -> fleet.find(FleetFilter.NONE, FleetSort.HOST, page));
		queries.put("list, no filter, page 151", () -> fleet.find(FleetFilter.NONE, FleetSort.HOST, deep));
		queries.put("list, by soonest expiry", () -> fleet.find(FleetFilter.NONE, FleetSort.EXPIRY, page));
		queries.put("list, by worst grade", () -> fleet.find(FleetFilter.NONE, FleetSort.GRADE, page));
		queries.put("list, status = CRITICAL",
				() -> fleet.find(filter(null, EndpointStatus.CRITICAL, null, null, null), FleetSort.HOST, page));
		queries.put("list, grade = F", () -> fleet.find(filter(null, null, "F", null, null), FleetSort.HOST, page));
		queries.put("list, expiring within 14 days",
				() -> fleet.find(filter(null, null, null, 14, null), FleetSort.EXPIRY, page));
		queries.put("list, accepts TLS 1.0",
				() -> fleet.find(filter(null, null, null, null, TlsVersion.TLS_1_0), FleetSort.HOST, page));
		queries.put("list, text search",
				() -> fleet.find(filter("host-77", null, null, null, null), FleetSort.HOST, page));
		return queries;
	}

	private static FleetFilter filter(String text, EndpointStatus status, String grade, Integer expiring,
			TlsVersion accepts) {
		return new FleetFilter(text, status, grade, null, expiring, null, accepts, null);
	}

	private static void report(String title, Map<String, Supplier<Object>> queries) {
		Map<String, double[]> times = new LinkedHashMap<>();
		queries.forEach((name, query) -> times.put(name, percentiles(query)));
		double baseline = times.values().iterator().next()[0];
		System.out.printf("%n%s%n%n| query | p50 | p95 | p50 × baseline |%n| --- | --- | --- | --- |%n", title);
		times.forEach((name, millis) -> System.out.printf(Locale.ROOT, "| %s | %.1f ms | %.1f ms | %.2f |%n", name,
				millis[0], millis[1], millis[0] / baseline));
	}

	/** The median and the 95th percentile (nearest rank) in milliseconds. */
	private static double[] percentiles(Supplier<Object> query) {
		for (int i = 0; i < WARMUP; i++) {
			query.get();
		}
		List<Double> times = new ArrayList<>();
		for (int i = 0; i < RUNS; i++) {
			long start = System.nanoTime();
			query.get();
			times.add((System.nanoTime() - start) / 1e6);
		}
		times.sort(Double::compare);
		return new double[] { times.get(times.size() / 2),
				times.get(Math.min(times.size() - 1, (int) Math.ceil(0.95 * times.size()) - 1)) };
	}

	/**
	 * Rows as the modules store them; the latest scan of each endpoint gets full detail.
	 * The newer half of each endpoint's scans are hourly up to now; the older half lie
	 * beyond the 90 days retention keeps in full, 4 hours apart (six a day), and all but
	 * two in 25 of them saw the same as the scan before (the others a different suite),
	 * so retention keeps the first of each day and the changes and deletes the rest.
	 */
	private static void seed(JdbcTemplate jdbc) {
		OffsetDateTime anchor = OffsetDateTime.now(ZoneOffset.UTC);
		String[] modes = java.util.Arrays.stream(TlsMode.values()).map(Enum::name).toArray(String[]::new);
		jdbc.update("""
				insert into endpoint (host, port, tls_mode, scan_interval_minutes, enabled, created_at, updated_at)
				select 'host-' || i || '.bench.example', 443, (?::text[])[1 + i % ?], 60, true, now(), now()
				from generate_series(1, ?) i
				""", (Object) modes, modes.length, ENDPOINTS);
		jdbc.update("insert into endpoint_tag (endpoint_id, tag) select id, 'team-' || (id % 20) from endpoint");
		int recent = SCANS_PER_ENDPOINT - OLD_SCANS_PER_ENDPOINT;
		jdbc.update(
				"""
						insert into scan (endpoint_id, trigger, started_at, finished_at, outcome)
						select e.id, 'SCHEDULED', t.at, t.at, 'OK'
						from endpoint e, generate_series(0, ? - 1) s,
						     lateral (select case when s < ? then ?::timestamptz - make_interval(hours => s)
						                          else ?::timestamptz - make_interval(days => 91, hours => 4 * (s - ?)) end as at) t
						""",
				SCANS_PER_ENDPOINT, recent, anchor, anchor, recent);
		jdbc.update(
				"""
						insert into scan_result (scan_id, address, outcome, trust, protocol, cipher_suite, grade, cipher_support)
						select s.id, '192.0.2.' || (s.endpoint_id % 250), 'OK', 'TRUSTED', 'TLSv1.3',
						       case when s.started_at <= ?::timestamptz - interval '91 days'
						             and (extract(epoch from ?::timestamptz - interval '91 days' - s.started_at)::bigint / 14400) % 25 = 12
						            then 'TLS_AES_256_GCM_SHA384' else 'TLS_AES_128_GCM_SHA256' end,
						       (array['A+','A','A-','B','C','F','T'])[1 + s.endpoint_id % 7],
						       case when s.endpoint_id % 5 = 0
						            then '{"suites":[],"groups":[{"name":"X25519MLKEM768","postQuantum":true}]}'
						            else '{"suites":[],"groups":[{"name":"x25519","postQuantum":false}]}' end::jsonb
						from scan s
						""",
				anchor, anchor);
		jdbc.update(
				"""
						insert into scan_latest (endpoint_id, scan_id, scanned_at, outcome, protocol, cipher_suite, leaf_not_after)
						select distinct on (s.endpoint_id) s.endpoint_id, s.id, s.finished_at, 'OK', 'TLSv1.3',
						       'TLS_AES_128_GCM_SHA256', now() + make_interval(days => (s.endpoint_id % 400)::int - 20)
						from scan s order by s.endpoint_id, s.started_at desc, s.id desc
						""");
		jdbc.update("""
				insert into scan_result_version (scan_result_id, version, outcome)
				select r.id, v, case when v in ('TLS_1_2', 'TLS_1_3') or (v = 'TLS_1_0' and l.endpoint_id % 9 = 0)
				                     then 'ACCEPTED' else 'REJECTED' end
				from scan_latest l join scan_result r on r.scan_id = l.scan_id,
				     unnest(array['SSL_3_0','TLS_1_0','TLS_1_1','TLS_1_2','TLS_1_3']) v
				""");
		jdbc.update(
				"""
						insert into finding_status (endpoint_id, scan_id, status, judged_at, grade, grade_rank, up, probed,
						    tls10, tls12, tls13, post_quantum)
						select endpoint_id, scan_id, (array['OK','OK','OK','WARNING','CRITICAL','UNREACHABLE'])[1 + endpoint_id % 6],
						       now(), (array['A+','A','A-','B','C','F','T'])[1 + endpoint_id % 7],
						       (array[0, 1, 2, 3, 4, 9, 7])[1 + endpoint_id % 7], true, true, endpoint_id % 9 = 0, true, true,
						       endpoint_id % 5 = 0
						from scan_latest
						""");
		jdbc.update("""
				insert into alert (endpoint_id, rule, subject, severity, state, title, message, opened_at, updated_at)
				select id, 'CERT_EXPIRING', '', case when id % 4 = 0 then 'CRITICAL' else 'WARNING' end, 'OPEN',
				       'host-' || id || ': certificate expires soon', 'The certificate expires soon.',
				       now() - make_interval(mins => (id % 5000)::int), now()
				from endpoint
				""");
		jdbc.execute("analyze");
	}

}
