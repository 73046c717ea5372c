package dev.tlswatch.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import dev.tlswatch.retention.Retention;
import dev.tlswatch.retention.RetentionReport;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static dev.tlswatch.bench.FleetBenchmark.loadAverage;

/**
 * The fleet benchmark's retention phase: the same requests timed while idle, while the
 * retention run prunes the seeded history (the application's own {@link Retention} bean,
 * as the clustered job calls it, in a background thread) and after it, with the run's own
 * figures (scans deleted, delete transactions, rows/s, the longest transaction), the lock
 * waits seen in {@code pg_stat_activity} meanwhile and the database size before and
 * after.
 */
final class RetentionPhase {

	private static final List<String> SCAN_TABLES = List.of("scan", "scan_result", "scan_result_version", "finding",
			"scan_latest");

	private final ConfigurableApplicationContext context;

	private final JdbcTemplate jdbc;

	private final TimedScanRetention scans;

	private final Duration cap;

	RetentionPhase(ConfigurableApplicationContext context, TimedScanRetention scans, Duration cap) {
		this.context = context;
		this.jdbc = context.getBean(JdbcTemplate.class);
		this.scans = scans;
		this.cap = cap;
	}

	void run(Map<String, Supplier<Object>> requests, int warmup, int runs) throws InterruptedException, IOException {
		Sizes before = sizes();
		Map<String, List<Double>> idle = sample(requests, warmup, runs, () -> true);

		AtomicBoolean running = new AtomicBoolean(true);
		AtomicReference<RetentionReport> report = new AtomicReference<>();
		AtomicReference<Throwable> failure = new AtomicReference<>();
		Map<String, Integer> waits = new TreeMap<>();
		int[] monitorSamples = new int[2];
		this.scans.capAt(System.nanoTime() + this.cap.toNanos());
		long start = System.nanoTime();
		Thread retention = Thread.ofPlatform().name("bench-retention").start(() -> {
			try {
				report.set(this.context.getBean(Retention.class).runNow());
			}
			catch (Throwable ex) {
				failure.set(ex);
			}
			finally {
				running.set(false);
			}
		});
		Thread monitor = Thread.ofPlatform()
			.name("bench-pg-activity")
			.start(() -> monitor(running, waits, monitorSamples));
		Map<String, List<Double>> during = sample(requests, 0, Integer.MAX_VALUE, running::get);
		retention.join();
		double seconds = (System.nanoTime() - start) / 1e9;
		monitor.join();
		String load = loadAverage();
		if (failure.get() != null) {
			throw new IllegalStateException("The retention run failed", failure.get());
		}
		Sizes after = sizes();
		Map<String, List<Double>> afterwards = sample(requests, warmup, runs, () -> true);

		printRequests(idle, during, afterwards);
		printRun(report.get(), this.scans.figures(), seconds, before, after, waits, monitorSamples);
		System.out.printf("%nLoad average when the retention run ended: %s%n", load);
		secondRun();
	}

	/**
	 * A second run right after the first, as the next firing of the job: it resumes where
	 * the first stopped, so it reads only the scans that crossed the cutoff since (about
	 * none here).
	 */
	private void secondRun() {
		TimedScanRetention.Figures first = this.scans.figures();
		long scansReadBefore = this.scans.scansRead();
		this.scans.capAt(System.nanoTime() + this.cap.toNanos());
		long start = System.nanoTime();
		RetentionReport report = this.context.getBean(Retention.class).runNow();
		double seconds = (System.nanoTime() - start) / 1e9;
		TimedScanRetention.Figures second = this.scans.figures();
		System.out.printf("%nThe next retention run (resumes where the first stopped)%n%n| figure | value |%n"
				+ "| --- | --- |%n");
		row("run time", String.format(Locale.ROOT, "%.2f s", seconds));
		row("scans deleted", String.format(Locale.ROOT, "%,d", report.scans()));
		row("old scans read (fingerprints computed): the first run / this one",
				String.format(Locale.ROOT, "%,d / %,d", scansReadBefore, this.scans.scansRead() - scansReadBefore));
		row("pages of old scans read", String.format(Locale.ROOT, "%,d", second.pageReads() - first.pageReads()));
		row("the endpoints with scans past their mark (one query)", millis(second.endpointsRead()));
	}

	/**
	 * Round-robin over the requests, so that each is timed in every stretch of the run
	 * alike; a time counts only if {@code more} still holds when the request has ended.
	 */
	private static Map<String, List<Double>> sample(Map<String, Supplier<Object>> requests, int warmup, int rounds,
			BooleanSupplier more) {
		for (int i = 0; i < warmup; i++) {
			requests.values().forEach(Supplier::get);
		}
		Map<String, List<Double>> times = new LinkedHashMap<>();
		requests.keySet().forEach((name) -> times.put(name, new ArrayList<>()));
		for (int round = 0; round < rounds && more.getAsBoolean(); round++) {
			for (Map.Entry<String, Supplier<Object>> request : requests.entrySet()) {
				long start = System.nanoTime();
				request.getValue().get();
				double millis = (System.nanoTime() - start) / 1e6;
				if (!more.getAsBoolean()) {
					return times;
				}
				times.get(request.getKey()).add(millis);
			}
		}
		return times;
	}

	/**
	 * Every 100 ms while the run lasts: what the other sessions of the database wait for
	 * ({@code wait_event_type:wait_event} of the active ones), counted per sample.
	 */
	private void monitor(AtomicBoolean running, Map<String, Integer> waits, int[] samples) {
		while (running.get()) {
			List<Map<String, Object>> rows = this.jdbc.queryForList("""
					select wait_event_type || ':' || wait_event as wait from pg_stat_activity
					where datname = current_database() and pid <> pg_backend_pid() and state = 'active'
					  and wait_event_type is not null""");
			synchronized (waits) {
				samples[0]++;
				if (rows.stream().anyMatch((row) -> String.valueOf(row.get("wait")).startsWith("Lock:"))) {
					samples[1]++;
				}
				rows.forEach((row) -> waits.merge(String.valueOf(row.get("wait")), 1, Integer::sum));
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	private Sizes sizes() {
		Map<String, Long> tables = new LinkedHashMap<>();
		for (String table : SCAN_TABLES) {
			tables.put(table,
					this.jdbc.queryForObject("select pg_total_relation_size(?::regclass)", Long.class, table));
		}
		return new Sizes(this.jdbc.queryForObject("select pg_database_size(current_database())", Long.class), tables,
				this.jdbc.queryForObject("select count(*) from scan", Long.class),
				this.jdbc.queryForObject("select count(*) from scan_result", Long.class));
	}

	private static void printRequests(Map<String, List<Double>> idle, Map<String, List<Double>> during,
			Map<String, List<Double>> after) {
		System.out.printf("%nRetention while pages are served: HTTP with an API token, round-robin "
				+ "(idle and after: %d rounds)%n%n", idle.values().iterator().next().size());
		System.out.println("| request | idle p50 | idle p95 | during p50 | during p95 | during p50 × idle p50 "
				+ "| during p95 × idle p95 | after p50 / p95 | samples during |");
		System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
		idle.forEach((name, times) -> {
			double[] a = percentiles(times);
			double[] b = percentiles(during.get(name));
			double[] c = percentiles(after.get(name));
			System.out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s | %.2f | %.2f | %s / %s | %d |%n", name,
					millis(a[0]), millis(a[1]), millis(b[0]), millis(b[1]), b[0] / a[0], b[1] / a[1], millis(c[0]),
					millis(c[1]), during.get(name).size());
		});
	}

	private static void printRun(RetentionReport report, TimedScanRetention.Figures figures, double seconds,
			Sizes before, Sizes after, Map<String, Integer> waits, int[] samples) {
		System.out.printf("%nThe retention run%n%n| figure | value |%n| --- | --- |%n");
		row("run time", String.format(Locale.ROOT, "%.1f s%s", seconds,
				figures.capped() ? " (stopped by the time cap: endpoints left unpruned)" : ""));
		row("scans deleted (report)", String.format(Locale.ROOT, "%,d", report.scans()));
		row("scans before / after", String.format(Locale.ROOT, "%,d / %,d", before.scans(), after.scans()));
		row("scan results before / after",
				String.format(Locale.ROOT, "%,d / %,d", before.scanResults(), after.scanResults()));
		row("delete transactions (batches)", String.format(Locale.ROOT, "%,d", figures.batches()));
		row("scans deleted per second", String.format(Locale.ROOT, "%,.0f", report.scans() / seconds));
		row("delete transaction p50 / p95 / longest", millis(figures.medianBatch()) + " / " + millis(figures.p95Batch())
				+ " / " + millis(figures.longestBatch()));
		row("pages of old scans read (read-only transactions) / longest",
				String.format(Locale.ROOT, "%,d / %s", figures.pageReads(), millis(figures.longestPageRead())));
		row("the endpoints with old scans (one query)", millis(figures.endpointsRead()));
		row("certificates / deliveries / audit events deleted",
				report.certificates() + " / " + report.deliveries() + " / " + report.auditEvents());
		row("database size before / after", mib(before.database()) + " / " + mib(after.database()));
		before.tables()
			.forEach((table, bytes) -> row("`" + table + "` with indexes before / after",
					mib(bytes) + " / " + mib(after.tables().get(table))));
		row("pg_stat_activity samples (100 ms) / with a session waiting on a lock", samples[0] + " / " + samples[1]);
		row("waits seen (active sessions, per sample)", waits.isEmpty() ? "none" : waits.toString());
	}

	private static void row(String name, String value) {
		System.out.printf("| %s | %s |%n", name, value);
	}

	private static String mib(long bytes) {
		return String.format(Locale.ROOT, "%.1f MiB", bytes / 1048576.0);
	}

	private static String millis(double millis) {
		if (Double.isNaN(millis)) {
			return "-";
		}
		return String.format(Locale.ROOT, (millis < 10) ? "%.1f ms" : "%.0f ms", millis);
	}

	/** The median and the 95th percentile (nearest rank); NaN for no samples. */
	private static double[] percentiles(List<Double> samples) {
		if (samples.isEmpty()) {
			return new double[] { Double.NaN, Double.NaN };
		}
		List<Double> times = new ArrayList<>(samples);
		times.sort(Double::compare);
		return new double[] { times.get(times.size() / 2),
				times.get(Math.min(times.size() - 1, (int) Math.ceil(0.95 * times.size()) - 1)) };
	}

	private record Sizes(long database, Map<String, Long> tables, long scans, long scanResults) {
	}

}
