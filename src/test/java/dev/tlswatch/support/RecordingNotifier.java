package dev.tlswatch.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.tlswatch.notify.DeliveryStatus;
import dev.tlswatch.notify.Notifier;
import dev.tlswatch.notify.OutgoingMessage;
import dev.tlswatch.notify.TestMailResult;

import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A {@link Notifier} for tests: records every message it is asked to queue (duplicates
 * included, so tests can assert "exactly once"), refuses calls outside a transaction like
 * the real outbox, and delivers nothing.
 */
public class RecordingNotifier implements Notifier {

	private final List<OutgoingMessage> messages = new ArrayList<>();

	private final Set<String> keys = ConcurrentHashMap.newKeySet();

	@Override
	public synchronized boolean enqueue(OutgoingMessage message) {
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException("Notifier.enqueue needs an active transaction");
		}
		this.messages.add(message);
		return this.keys.add(message.key());
	}

	/** Every message asked for, in order. */
	public synchronized List<OutgoingMessage> messages() {
		return List.copyOf(this.messages);
	}

	/** The messages whose key starts with the prefix. */
	public synchronized List<OutgoingMessage> messages(String keyPrefix) {
		return this.messages.stream().filter((message) -> message.key().startsWith(keyPrefix)).toList();
	}

	public synchronized void clear() {
		this.messages.clear();
		this.keys.clear();
	}

	@Override
	public DeliveryStatus status() {
		return new DeliveryStatus(false, null, List.of(), false, 0, 0, null, null);
	}

	@Override
	public TestMailResult sendTestMail(String to) {
		return new TestMailResult(false, List.of(), "Test notifier: nothing is sent");
	}

}
