package dev.tlswatch.alert;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import dev.tlswatch.endpoint.EndpointDetails;
import dev.tlswatch.endpoint.Endpoints;
import dev.tlswatch.finding.ScanJudged;
import dev.tlswatch.notify.Notifier;
import dev.tlswatch.scan.ScanDetails;
import org.jspecify.annotations.Nullable;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps alerts in step with judged scans: opens an alert when a condition appears,
 * escalates it when it crosses a lower threshold, resolves it when the condition clears,
 * and queues a message for each step in the notify module's outbox.
 * <p>
 * A module listener: it runs after the finding module's transaction committed, in a
 * transaction of its own, so a failure here loses no scan and no finding; the event
 * publication registry hands the judged scan to it again (at the next start, or when
 * incomplete publications are resubmitted). Delivery is at least once: the scan's key is
 * stored first in the same transaction as the alerts and the outbox rows, so a scan seen
 * twice changes nothing and mails nothing twice. Mute suppresses escalation mails (the
 * alert still escalates); acknowledging does not, since a new level is news.
 */
@Component
class AlertEngine {

	private final AlertStore store;

	private final AlertOverrides overrides;

	private final AlertSettings settings;

	private final Endpoints endpoints;

	private final Notifier notifier;

	private final AlertMessages messages;

	private final java.time.Clock clock;

	AlertEngine(AlertStore store, AlertOverrides overrides, AlertSettings settings, Endpoints endpoints,
			Notifier notifier, AlertMessages messages, java.time.Clock clock) {
		this.store = store;
		this.overrides = overrides;
		this.settings = settings;
		this.endpoints = endpoints;
		this.notifier = notifier;
		this.messages = messages;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(ScanJudged event) {
		// A resubmitted verdict whose scan was deleted since changes no alert.
		if (!event.scan().gone() && this.store.firstTimeHandled(event.scan().id(), this.clock.instant())) {
			judge(event);
		}
	}

	private void judge(ScanJudged event) {
		ScanDetails scan = event.scan();
		Optional<EndpointDetails> found = this.endpoints.find(scan.endpointId());
		if (found.isEmpty()) {
			return;
		}
		EndpointDetails endpoint = found.get();
		Instant now = this.clock.instant();
		AlertOverrides.Effective effective = this.overrides.of(endpoint);
		EndpointMemory memory = this.store.memory(endpoint.id());
		Evaluation evaluation = AlertRules.evaluate(scan, event.findings(), effective.rules(), memory, now);
		this.store.remember(endpoint.id(), scan.id(), scan.finishedAt(), evaluation.failed(), evaluation.memory());
		AlertStore.ActiveAlerts active = this.store.activeWithGlobal(endpoint.id(), AlertRule.PROBER_NETWORK);
		boolean massFailure = massFailure(scan.id(), evaluation.failed(), effective.rules(), now, active.global());
		List<Condition> conditions = evaluation.conditions();
		Set<AlertRule> evaluated = evaluation.evaluated();
		if (massFailure && evaluation.failed()) {
			// TLSWatch's own network is the likely cause: one PROBER_NETWORK alert, no
			// UNREACHABLE per endpoint, and existing ones stay as they are.
			conditions = conditions.stream().filter((condition) -> condition.rule() != AlertRule.UNREACHABLE).toList();
			evaluated = evaluated.stream()
				.filter((rule) -> rule != AlertRule.UNREACHABLE)
				.collect(Collectors.toUnmodifiableSet());
		}
		apply(endpoint, effective.recipients(), scan.id(), conditions, evaluated, now, active.endpoint());
	}

	private void apply(EndpointDetails endpoint, List<String> recipients, long scanId, List<Condition> conditions,
			Set<AlertRule> evaluated, Instant now, List<AlertDetails> endpointAlerts) {
		Map<String, AlertDetails> active = new LinkedHashMap<>();
		endpointAlerts.forEach((alert) -> active.put(alert.rule() + "/" + alert.subject(), alert));
		for (Condition condition : conditions) {
			AlertDetails existing = active.remove(condition.key());
			if (existing == null) {
				this.store.open(endpoint.id(), condition, scanId, now)
					.ifPresent((id) -> tell(AlertMessages.Kind.OPEN, id, endpoint, recipients));
			}
			else {
				this.store.refresh(existing.id(), condition, now);
				if (condition.level() > existing.level()) {
					this.store.escalated(existing.id(), scanId, now);
					if (!existing.mutedAt(now)) {
						tell(AlertMessages.Kind.ESCALATE, existing.id(), endpoint, recipients);
					}
				}
			}
		}
		for (AlertDetails cleared : active.values()) {
			if (evaluated.contains(cleared.rule())) {
				// A certificate change is news once; its passing is not.
				if (this.store.resolve(cleared.id(), scanId, now) && cleared.rule() != AlertRule.CERT_CHANGED) {
					tell(AlertMessages.Kind.RESOLVE, cleared.id(), endpoint, recipients);
				}
			}
		}
	}

	/**
	 * Opens {@code PROBER_NETWORK} when more than the configured share of known endpoints
	 * (and at least the minimum) failed within the window; resolves it once the endpoints
	 * failing their latest scan are no longer that many. The fleet is counted only when
	 * that can change something: a scan that did not fail cannot make more endpoints
	 * fail, so without an active alert to resolve it costs no count of every endpoint's
	 * state.
	 * @param failed whether this scan failed
	 * @param active the active {@code PROBER_NETWORK} alert, read with the endpoint's
	 * @return whether it is active
	 */
	private boolean massFailure(long scanId, boolean failed, RuleConfig rules, Instant now,
			Optional<AlertDetails> active) {
		if (rules.disabled().contains(AlertRule.PROBER_NETWORK)) {
			return false;
		}
		if (active.isEmpty() && !failed) {
			return false;
		}
		AlertStore.FailureCounts counts = this.store.failureCounts(now.minus(this.settings.massFailureWindow()));
		if (active.isEmpty() && many(counts.recentlyFailing(), counts.known())) {
			String text = counts.recentlyFailing() + " of " + counts.known() + " endpoints";
			Condition condition = new Condition(AlertRule.PROBER_NETWORK, "",
					rules.severityOf(AlertRule.PROBER_NETWORK), 0, text + " unreachable at once",
					text + " failed within " + this.settings.massFailureWindow().toMinutes()
							+ " minutes: TLSWatch's own network connection is the likely cause.",
					null, null, null);
			// Scans of other endpoints may see the same failures at once: one opens it.
			this.store.open(null, condition, scanId, now)
				.ifPresent((id) -> tell(AlertMessages.Kind.OPEN, id, null, List.of()));
			return true;
		}
		if (active.isPresent() && !many(counts.failing(), counts.known())) {
			if (this.store.resolve(active.get().id(), scanId, now)) {
				tell(AlertMessages.Kind.RESOLVE, active.get().id(), null, List.of());
			}
			return false;
		}
		return active.isPresent();
	}

	private boolean many(long failing, long known) {
		return failing >= this.settings.massFailureMinimum() && failing > known * this.settings.massFailureShare();
	}

	private void tell(AlertMessages.Kind kind, long alertId, @Nullable EndpointDetails endpoint,
			List<String> recipients) {
		AlertDetails alert = this.store.find(alertId).orElseThrow();
		this.notifier.enqueue(this.messages.message(kind, alert, endpoint, recipients, 0));
	}

}
