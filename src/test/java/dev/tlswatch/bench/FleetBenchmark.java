package dev.tlswatch.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import dev.tlswatch.TlsWatchApplication;
import dev.tlswatch.endpoint.Endpoints;
import dev.tlswatch.endpoint.TlsMode;
import dev.tlswatch.finding.EndpointStatus;
import dev.tlswatch.fleet.Fleet;
import dev.tlswatch.fleet.FleetFilter;
import dev.tlswatch.fleet.FleetSort;
import dev.tlswatch.probe.TlsVersion;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How the dashboard's fleet queries behave with a large fleet: 10,000 endpoints and
 * 1,000,000 scans in an embedded PostgreSQL, seeded with SQL. Every query is timed over
 * several runs after a warm-up and reported as its median and as a ratio to a baseline in
 * the same run: one plain page of the endpoint registry ({@code Endpoints.list}). Run
 * with {@code bench/fleet.sh}; not a test.
 */
public final class FleetBenchmark {

	private static final int ENDPOINTS = Integer.getInteger("bench.endpoints", 10_000);

	private static final int SCANS_PER_ENDPOINT = Integer.getInteger("bench.scansPerEndpoint", 100);

	private static final int RUNS = Integer.getInteger("bench.runs", 15);

	private static final int WARMUP = Integer.getInteger("bench.warmup", 5);

	private FleetBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		Path data = Files.createTempDirectory("tlswatch-fleet-bench");
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(TlsWatchApplication.class)
			.properties("tlswatch.embedded-db.data-directory=" + data, "spring.quartz.auto-startup=false",
					"server.port=0", "logging.level.root=WARN")
			.run()) {
			JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
			long seedStart = System.nanoTime();
			seed(jdbc);
			System.out.printf("Seeded %,d endpoints and %,d scans in %.1f s%n", ENDPOINTS,
					(long) ENDPOINTS * SCANS_PER_ENDPOINT, (System.nanoTime() - seedStart) / 1e9);
			report(measurements(context.getBean(Fleet.class), context.getBean(Endpoints.class)));
		}
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

	private static void report(Map<String, Supplier<Object>> queries) {
		Map<String, Double> medians = new LinkedHashMap<>();
		queries.forEach((name, query) -> medians.put(name, medianMillis(query)));
		double baseline = medians.values().iterator().next();
		System.out.printf("%n%-40s %12s %10s%n", "query", "median ms", "× baseline");
		medians.forEach((name, millis) -> System.out.printf("%-40s %12.2f %10.1f%n", name, millis, millis / baseline));
	}

	private static double medianMillis(Supplier<Object> query) {
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
		return times.get(times.size() / 2);
	}

	/**
	 * Rows as the modules store them; the latest scan of each endpoint gets full detail.
	 */
	private static void seed(JdbcTemplate jdbc) {
		String[] modes = java.util.Arrays.stream(TlsMode.values()).map(Enum::name).toArray(String[]::new);
		jdbc.update("""
				insert into endpoint (host, port, tls_mode, scan_interval_minutes, enabled, created_at, updated_at)
				select 'host-' || i || '.bench.example', 443, (?::text[])[1 + i % ?], 60, true, now(), now()
				from generate_series(1, ?) i
				""", (Object) modes, modes.length, ENDPOINTS);
		jdbc.update("insert into endpoint_tag (endpoint_id, tag) select id, 'team-' || (id % 20) from endpoint");
		jdbc.update("""
				insert into scan (endpoint_id, trigger, started_at, finished_at, outcome)
				select e.id, 'SCHEDULED', now() - make_interval(hours => s), now() - make_interval(hours => s), 'OK'
				from endpoint e, generate_series(0, ? - 1) s
				""", SCANS_PER_ENDPOINT);
		jdbc.update(
				"""
						insert into scan_result (scan_id, address, outcome, trust, protocol, cipher_suite, grade, cipher_support)
						select s.id, '192.0.2.' || (s.endpoint_id % 250), 'OK', 'TRUSTED', 'TLSv1.3', 'TLS_AES_128_GCM_SHA256',
						       (array['A+','A','A-','B','C','F','T'])[1 + s.endpoint_id % 7],
						       case when s.endpoint_id % 5 = 0
						            then '{"suites":[],"groups":[{"name":"X25519MLKEM768","postQuantum":true}]}'
						            else '{"suites":[],"groups":[{"name":"x25519","postQuantum":false}]}' end::jsonb
						from scan s
						""");
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
				                     then 'ACCEPTED' else 'REFUSED' end
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
		jdbc.execute("analyze");
	}

}
