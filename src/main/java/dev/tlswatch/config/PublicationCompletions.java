package dev.tlswatch.config;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.modulith.events.core.EventPublicationRepository;

/**
 * Deletes completed event publications in batches, on a thread of its own, instead of one
 * statement in one transaction per listener call. A listener's thread only queues the
 * publication's id; this thread waits a moment for more, then deletes all of them (the
 * repository puts up to 100 ids in a statement).
 * <p>
 * What a queued id risks is what a crash between a listener's commit and its completion
 * always risked: the publication stays, is republished at the next start, and the
 * listener, which stores a key first, changes nothing the second time
 * (docs/architecture.md, "The event chain"). A delete that fails (the database is down)
 * is retried; at most {@value #MAX_PENDING} ids wait, older ones beyond that are left to
 * that republication. Stopping deletes what is queued; after that, completions are
 * deleted at once again, as Spring Modulith does.
 */
final class PublicationCompletions {

	private static final Logger logger = LoggerFactory.getLogger(PublicationCompletions.class);

	/** Ids that may wait; beyond this the oldest are dropped (and republished). */
	static final int MAX_PENDING = 100_000;

	/** Ids per delete. */
	static final int MAX_BATCH = 1_000;

	/** How long the thread waits for more ids after the first. */
	private static final long LINGER_MILLIS = 50;

	/**
	 * The lifecycle phase of the deletes: they stop after what stops in the default phase
	 * (Quartz's scheduler among them) and before the data source closes. A listener that
	 * completes after that deletes at once.
	 */
	static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 1024;

	/** Between retries of a failed delete. */
	private static final long RETRY_MILLIS = 1_000;

	private final LinkedBlockingDeque<UUID> pending = new LinkedBlockingDeque<>();

	private final EventPublicationRepository repository;

	private final int maxPending;

	private volatile @Nullable Thread worker;

	PublicationCompletions(EventPublicationRepository repository) {
		this(repository, MAX_PENDING);
	}

	PublicationCompletions(EventPublicationRepository repository, int maxPending) {
		this.repository = repository;
		this.maxPending = maxPending;
	}

	/**
	 * Complete a publication: queued while running, deleted at once otherwise.
	 * @param id the publication
	 */
	void complete(UUID id) {
		if (this.worker == null) {
			this.repository.deletePublications(List.of(id));
			return;
		}
		queue(id);
	}

	/** Queues an id, dropping the oldest beyond the limit. */
	void queue(UUID id) {
		this.pending.addLast(id);
		if (this.pending.size() > this.maxPending) {
			logger.warn("More than {} completed event publications wait to be deleted; the oldest are left to be "
					+ "republished at the next start", this.maxPending);
			while (this.pending.size() > this.maxPending) {
				this.pending.pollFirst();
			}
		}
	}

	/** Ids queued and not yet deleted, oldest first. */
	List<UUID> pending() {
		return List.copyOf(this.pending);
	}

	synchronized void start() {
		if (this.worker == null) {
			Thread thread = Thread.ofPlatform()
				.name("tlswatch-event-completions")
				.daemon()
				.unstarted(this::deleteWhileRunning);
			// Set before it runs: the thread runs while it is the worker.
			this.worker = thread;
			thread.start();
		}
	}

	void stop() {
		Thread running;
		synchronized (this) {
			running = this.worker;
			this.worker = null;
		}
		if (running != null) {
			running.interrupt();
			try {
				running.join(TimeUnit.SECONDS.toMillis(10));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		try {
			while (!this.pending.isEmpty()) {
				deleteBatch();
			}
		}
		catch (RuntimeException ex) {
			logger.warn("{} completed event publications not deleted at stop; they are republished at the next "
					+ "start: {}", this.pending.size(), ex.toString());
			this.pending.clear();
		}
	}

	boolean isRunning() {
		return this.worker != null;
	}

	private void deleteWhileRunning() {
		while (this.worker == Thread.currentThread()) {
			try {
				UUID first = this.pending.takeFirst();
				this.pending.addFirst(first);
				Thread.sleep(LINGER_MILLIS);
				deleteBatch();
			}
			catch (InterruptedException ex) {
				return;
			}
			catch (RuntimeException ex) {
				logger.warn("Deleting completed event publications failed, retrying: {}", ex.toString());
				try {
					Thread.sleep(RETRY_MILLIS);
				}
				catch (InterruptedException interrupted) {
					return;
				}
			}
		}
	}

	/** Deletes up to a batch of the queued ids; on failure they stay queued, first. */
	private void deleteBatch() {
		List<UUID> batch = new ArrayList<>();
		this.pending.drainTo(batch, MAX_BATCH);
		if (batch.isEmpty()) {
			return;
		}
		try {
			this.repository.deletePublications(batch);
		}
		catch (RuntimeException ex) {
			for (int i = batch.size() - 1; i >= 0; i--) {
				this.pending.addFirst(batch.get(i));
			}
			throw ex;
		}
	}

}
