package dev.tlswatch.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

import dev.tlswatch.scan.ScanFingerprint;
import dev.tlswatch.scan.ScanRetention;

import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * The scan tables' side of retention as the application has it (its transactional bean),
 * with each call timed: every {@link #deleteScans} is one delete transaction (a batch),
 * so its time is the longest any row lock of the run was held. After an optional time cap
 * the pages of old scans come back empty, so that the run ends after the endpoint it is
 * in. The benchmark reads the figures after the run's thread has ended.
 */
final class TimedScanRetention implements ScanRetention {

	private final ScanRetention delegate;

	private final List<Long> deleteNanos = new ArrayList<>();

	private long deletedRows;

	private long pageReads;

	private long scansRead;

	private long longestPageReadNanos;

	private long endpointsReadNanos;

	private long deadlineNanos = Long.MAX_VALUE;

	private boolean capped;

	private TimedScanRetention(ScanRetention delegate) {
		this.delegate = delegate;
	}

	@Override
	public Duration referencedFor() {
		return this.delegate.referencedFor();
	}

	/**
	 * A bean post-processor that wraps the application's {@link ScanRetention} bean
	 * (after its transactional proxy, so every call keeps its own transaction) and hands
	 * the wrapper to {@code holder}.
	 * @param holder receives the wrapper
	 * @return the post-processor
	 */
	static BeanPostProcessor wrapping(Consumer<TimedScanRetention> holder) {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof ScanRetention scans && !(bean instanceof TimedScanRetention)) {
					TimedScanRetention timed = new TimedScanRetention(scans);
					holder.accept(timed);
					return timed;
				}
				return bean;
			}

		};
	}

	synchronized void capAt(long deadlineNanos) {
		this.deadlineNanos = deadlineNanos;
	}

	@Override
	public List<Long> endpointsWithScansBefore(Instant before, Map<Long, ScanFingerprint> walkedUpTo) {
		long start = System.nanoTime();
		List<Long> endpoints = this.delegate.endpointsWithScansBefore(before, walkedUpTo);
		synchronized (this) {
			this.endpointsReadNanos = System.nanoTime() - start;
		}
		return endpoints;
	}

	@Override
	public List<ScanFingerprint> oldScans(long endpointId, Instant before, ScanFingerprint after, int limit) {
		return timedPage(() -> this.delegate.oldScans(endpointId, before, after, limit));
	}

	@Override
	public List<ScanFingerprint> oldScans(long endpointId, Instant before, int limit) {
		return timedPage(() -> this.delegate.oldScans(endpointId, before, limit));
	}

	private List<ScanFingerprint> timedPage(Supplier<List<ScanFingerprint>> read) {
		synchronized (this) {
			if (System.nanoTime() - this.deadlineNanos > 0) {
				this.capped = true;
				return List.of();
			}
		}
		long start = System.nanoTime();
		List<ScanFingerprint> page = read.get();
		long nanos = System.nanoTime() - start;
		synchronized (this) {
			this.pageReads++;
			this.scansRead += page.size();
			this.longestPageReadNanos = Math.max(this.longestPageReadNanos, nanos);
		}
		return page;
	}

	@Override
	public int deleteScans(Collection<Long> scanIds) {
		if (scanIds.isEmpty()) {
			return this.delegate.deleteScans(scanIds);
		}
		long start = System.nanoTime();
		int deleted = this.delegate.deleteScans(scanIds);
		long nanos = System.nanoTime() - start;
		synchronized (this) {
			this.deleteNanos.add(nanos);
			this.deletedRows += deleted;
		}
		return deleted;
	}

	@Override
	public int deleteUnreferencedCertificates(Instant firstSeenBefore, int limit) {
		return this.delegate.deleteUnreferencedCertificates(firstSeenBefore, limit);
	}

	/**
	 * The old scans (fingerprints) all pages so far returned.
	 * @return how many
	 */
	synchronized long scansRead() {
		return this.scansRead;
	}

	synchronized Figures figures() {
		List<Long> sorted = new ArrayList<>(this.deleteNanos);
		sorted.sort(Long::compare);
		double median = sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2) / 1e6;
		double p95 = sorted.isEmpty() ? 0
				: sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(0.95 * sorted.size()) - 1)) / 1e6;
		double longest = sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1) / 1e6;
		return new Figures(sorted.size(), this.deletedRows, median, p95, longest, this.pageReads,
				this.longestPageReadNanos / 1e6, this.endpointsReadNanos / 1e6, this.capped);
	}

	/**
	 * What the run did, times in milliseconds.
	 *
	 * @param batches delete transactions
	 * @param deletedRows scans those deleted
	 * @param medianBatch the median delete transaction
	 * @param p95Batch its 95th percentile
	 * @param longestBatch the longest delete transaction
	 * @param pageReads pages of old scans read (each its own read-only transaction)
	 * @param longestPageRead the longest of those
	 * @param endpointsRead the one query for the endpoints with old scans
	 * @param capped whether the time cap ended the run early
	 */
	record Figures(int batches, long deletedRows, double medianBatch, double p95Batch, double longestBatch,
			long pageReads, double longestPageRead, double endpointsRead, boolean capped) {
	}

}
