package dev.tlswatch.notify;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends due outbox rows, one transaction per row: lock the row
 * ({@code for update skip locked}), send it, mark it sent or failed, commit. Any number
 * of drains may run at once, on this node and others: a row is only ever in one of them.
 *
 * <p>
 * If the database goes away after the SMTP server or webhook accepted a message but
 * before the row was marked sent, the drainer remembers the row as sent and records that
 * first when the database is back, before it claims anything: the message is not sent
 * twice. What remains at-least-once: if the process dies in that window (or another node
 * claims the row before this one is back), the row is still pending and is sent again.
 * The copy has the same Message-ID (mail) or Idempotency-Key (webhook), so the receiver
 * can drop it.
 */
@Component
class OutboxDrainer {

	private static final Logger logger = LoggerFactory.getLogger(OutboxDrainer.class);

	private final OutboxStore store;

	private final ChannelRegistry channels;

	private final NotifySettings settings;

	private final Clock clock;

	private final TransactionTemplate transactions;

	/** Rows delivered whose sending is not committed yet, with when they were sent. */
	private final Map<Long, Instant> sentNotRecorded = new ConcurrentHashMap<>();

	OutboxDrainer(OutboxStore store, ChannelRegistry channels, NotifySettings settings, Clock clock,
			PlatformTransactionManager transactionManager) {
		this.store = store;
		this.channels = channels;
		this.settings = settings;
		this.clock = clock;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	/**
	 * Sends due rows until none is left or the batch is done. A channel that fails is not
	 * tried again in this drain: its other rows would most likely fail the same way.
	 * @return how many rows were sent
	 */
	int drain() {
		recordSentRows();
		Map<String, ChannelDefinition> channels = new HashMap<>(this.channels.enabledByName());
		int sent = 0;
		for (int i = 0; i < this.settings.drainBatch() && !channels.isEmpty(); i++) {
			Optional<Attempt> attempt = this.transactions.execute((status) -> attemptNext(channels));
			if (attempt == null || attempt.isEmpty()) {
				break;
			}
			if (attempt.get().sent()) {
				this.sentNotRecorded.remove(attempt.get().id());
				sent++;
			}
			else {
				channels.remove(attempt.get().channel());
			}
		}
		return sent;
	}

	private Optional<Attempt> attemptNext(Map<String, ChannelDefinition> channels) {
		return this.store.claimNext(channels.keySet(), this.clock.instant())
			.map((delivery) -> attempt(channels.get(delivery.channelName()), delivery));
	}

	private Attempt attempt(ChannelDefinition channel, Delivery delivery) {
		try {
			this.channels.sender(channel.type()).send(channel, delivery);
		}
		catch (DeliveryFailedException | RuntimeException ex) {
			recordFailure(delivery, ex);
			return new Attempt(delivery.id(), delivery.channelName(), false);
		}
		// Delivered: from here on a database failure must not make it a failure to retry.
		Instant sentAt = this.clock.instant();
		this.sentNotRecorded.put(delivery.id(), sentAt);
		this.store.markSent(delivery.id(), sentAt);
		logger.debug("Sent message '{}' through channel '{}' (outbox row {})", delivery.key(), delivery.channelName(),
				delivery.id());
		return new Attempt(delivery.id(), delivery.channelName(), true);
	}

	/**
	 * Marks the rows sent that were delivered while the database went away, before any
	 * row is claimed again; throws (and so ends this drain) while the database is still
	 * away.
	 */
	private void recordSentRows() {
		for (Map.Entry<Long, Instant> row : Map.copyOf(this.sentNotRecorded).entrySet()) {
			this.transactions.executeWithoutResult((status) -> this.store.markSent(row.getKey(), row.getValue()));
			this.sentNotRecorded.remove(row.getKey());
			logger.info("Recorded outbox row {} as sent at {}: it was delivered while the database was away",
					row.getKey(), row.getValue());
		}
	}

	private void recordFailure(Delivery delivery, Exception ex) {
		String error = (ex instanceof DeliveryFailedException) ? String.valueOf(ex.getMessage())
				: DeliveryFailedException.clean("Channel '" + delivery.channelName() + "' failed: "
						+ ex.getClass().getSimpleName() + " " + ex.getMessage());
		int failures = delivery.attempts() + 1;
		Instant now = this.clock.instant();
		Instant next = now.plus(this.settings.retry().after(failures));
		this.store.markFailed(delivery.id(), now, error, next);
		logger.warn("Channel '{}', message '{}' (outbox row {}) failed, attempt {}, next at {}: {}",
				delivery.channelName(), delivery.key(), delivery.id(), failures, next, error);
	}

	/**
	 * What one attempt did.
	 *
	 * @param id the outbox row
	 * @param channel the row's channel name
	 * @param sent whether it was delivered
	 */
	private record Attempt(long id, String channel, boolean sent) {
	}

}
