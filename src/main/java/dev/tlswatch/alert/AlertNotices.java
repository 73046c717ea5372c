package dev.tlswatch.alert;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.tlswatch.endpoint.EndpointDetails;
import dev.tlswatch.endpoint.Endpoints;
import dev.tlswatch.notify.Notifier;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The messages not caused by a scan: reminders of alerts still open (never for
 * acknowledged or muted ones) and the daily digest.
 */
@Component
class AlertNotices {

	private final AlertStore store;

	private final AlertOverrides overrides;

	private final AlertMessages messages;

	private final AlertSettings settings;

	private final Endpoints endpoints;

	private final Notifier notifier;

	private final Clock clock;

	AlertNotices(AlertStore store, AlertOverrides overrides, AlertMessages messages, AlertSettings settings,
			Endpoints endpoints, Notifier notifier, Clock clock) {
		this.store = store;
		this.overrides = overrides;
		this.messages = messages;
		this.settings = settings;
		this.endpoints = endpoints;
		this.notifier = notifier;
		this.clock = clock;
	}

	/**
	 * Queue a reminder for each alert open (not acknowledged, not muted) for longer than
	 * the reminder period and not reminded within it.
	 * @return how many reminders were queued
	 */
	@Transactional
	int remind() {
		Duration period = this.settings.reminderAfter();
		if (period == null) {
			return 0;
		}
		Instant now = this.clock.instant();
		int queued = 0;
		for (AlertStore.Reminder due : this.store.dueReminders(now.minus(period), now)) {
			AlertDetails alert = this.store.find(due.id()).orElseThrow();
			EndpointDetails endpoint = (alert.endpointId() != null)
					? this.endpoints.find(alert.endpointId()).orElse(null) : null;
			List<String> recipients = (endpoint != null) ? this.overrides.of(endpoint).recipients() : List.of();
			this.notifier
				.enqueue(this.messages.message(AlertMessages.Kind.REMIND, alert, endpoint, recipients, due.number()));
			this.store.reminded(due.id(), due.number(), now);
			queued++;
		}
		return queued;
	}

	/**
	 * Queue the digest of the given day (once: its key is the date).
	 * @param date the day
	 * @return whether it was queued now
	 */
	@Transactional
	boolean digest(LocalDate date) {
		List<AlertDetails> active = this.store.allActive();
		Map<Long, String> names = new HashMap<>();
		active.stream()
			.map(AlertDetails::endpointId)
			.filter(Objects::nonNull)
			.distinct()
			.forEach((id) -> this.endpoints.find(id).ifPresent((endpoint) -> names.put(id, endpoint.displayName())));
		return this.notifier.enqueue(this.messages.digest(date, active, names));
	}

}
