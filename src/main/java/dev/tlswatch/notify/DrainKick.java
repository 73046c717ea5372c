package dev.tlswatch.notify;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Drains the outbox right after a transaction that queued a message commits, so that mail
 * goes out within moments instead of at the next Quartz firing. Runs on one background
 * thread of its own, never in the committing thread; kicks while a drain is waiting to
 * start are merged into it. A kick lost to a shutdown costs nothing: the repeating Quartz
 * job drains the row later.
 */
@Component
class DrainKick implements DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(DrainKick.class);

	private final OutboxDrainer drainer;

	private final ExecutorService executor = Executors
		.newSingleThreadExecutor(Thread.ofVirtual().name("notify-drain-", 0).factory());

	private final AtomicBoolean queued = new AtomicBoolean();

	DrainKick(OutboxDrainer drainer) {
		this.drainer = drainer;
	}

	/**
	 * Drain once the current transaction has committed; nothing if it rolls back.
	 */
	void afterCommit() {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

				@Override
				public void afterCommit() {
					kick();
				}

			});
		}
	}

	void kick() {
		if (!this.queued.compareAndSet(false, true)) {
			return;
		}
		try {
			this.executor.execute(this::drain);
		}
		catch (RejectedExecutionException ex) {
			// Shutting down: the Quartz job drains on the next start or on another node.
			this.queued.set(false);
		}
	}

	private void drain() {
		this.queued.set(false);
		try {
			this.drainer.drain();
		}
		catch (RuntimeException ex) {
			logger.error("Draining the notification outbox failed; the next drain retries", ex);
		}
	}

	@Override
	public void destroy() throws InterruptedException {
		this.executor.shutdownNow();
		if (!this.executor.awaitTermination(10, TimeUnit.SECONDS)) {
			logger.warn("Notification drain still running at shutdown; an unfinished row is sent again later");
		}
	}

}
