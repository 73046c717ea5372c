package dev.tlswatch.metrics;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs an update of the in-memory meters once the transaction that published the event
 * has committed, or at once outside a transaction: what
 * {@code @TransactionalEventListener(fallbackExecution = true)} does, without a row in
 * the event publication registry. The meters are a view that is rebuilt from the database
 * (loaded at start, caught up from the stored verdicts), so an update lost with a crash
 * costs nothing, and a persisted publication would cost an insert, an update and a delete
 * of the whole serialised scan for every scan. A failing update is logged and never
 * reaches the transaction's caller.
 */
final class AfterCommit {

	private static final Logger logger = LoggerFactory.getLogger(AfterCommit.class);

	private AfterCommit() {
	}

	static void run(Runnable update) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					runLogged(update);
				}
			});
		}
		else {
			runLogged(update);
		}
	}

	private static void runLogged(Runnable update) {
		try {
			update.run();
		}
		catch (RuntimeException ex) {
			logger.warn("A metrics update failed; the next scan or the catch-up repairs it", ex);
		}
	}

}
