package dev.tlswatch.metrics;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * A meters update runs after the commit of the transaction that published its event, at
 * once without one, never on a rollback, and a failing update never reaches the caller.
 */
class AfterCommitTests {

	@AfterEach
	void clearSynchronization() {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.clearSynchronization();
		}
	}

	@Test
	void outsideATransactionTheUpdateRunsAtOnce() {
		List<String> ran = new ArrayList<>();

		AfterCommit.run(() -> ran.add("update"));

		assertThat(ran).containsExactly("update");
	}

	@Test
	void inATransactionTheUpdateWaitsForTheCommit() {
		List<String> ran = new ArrayList<>();
		TransactionSynchronizationManager.initSynchronization();

		AfterCommit.run(() -> ran.add("update"));

		assertThat(ran).isEmpty();
		List<TransactionSynchronization> registered = TransactionSynchronizationManager.getSynchronizations();
		assertThat(registered).hasSize(1);
		registered.forEach(TransactionSynchronization::afterCommit);
		assertThat(ran).containsExactly("update");
	}

	@Test
	void aRollbackNeverRunsTheUpdate() {
		List<String> ran = new ArrayList<>();
		TransactionSynchronizationManager.initSynchronization();

		AfterCommit.run(() -> ran.add("update"));
		TransactionSynchronizationManager.getSynchronizations()
			.forEach((synchronization) -> synchronization
				.afterCompletion(TransactionSynchronization.STATUS_ROLLED_BACK));

		assertThat(ran).isEmpty();
	}

	@Test
	void aFailingUpdateDoesNotReachTheCommitter() {
		TransactionSynchronizationManager.initSynchronization();

		AfterCommit.run(() -> {
			throw new IllegalStateException("meters broke");
		});

		assertThatNoException().isThrownBy(() -> TransactionSynchronizationManager.getSynchronizations()
			.forEach(TransactionSynchronization::afterCommit));
		assertThatNoException().isThrownBy(() -> AfterCommit.run(() -> {
			throw new IllegalStateException("meters broke");
		}));
	}

}
