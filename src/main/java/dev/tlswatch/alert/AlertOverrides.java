package dev.tlswatch.alert;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.tlswatch.endpoint.EndpointDetails;

import org.springframework.stereotype.Component;

/**
 * Applies an endpoint's and its tags' overrides to the global settings: its own
 * thresholds, else the union of its tags' thresholds, else the global ones; disabled
 * rules and recipients add up, the owner's mail address joins the recipients.
 */
@Component
class AlertOverrides {

	private final AlertStore store;

	private final AlertSettings settings;

	AlertOverrides(AlertStore store, AlertSettings settings) {
		this.store = store;
		this.settings = settings;
	}

	Effective of(EndpointDetails endpoint) {
		EndpointAlertSettings own = this.store.endpointSettings(endpoint.id());
		List<TagAlertSettings> tags = this.store.tagSettings(endpoint.tags());
		RuleConfig global = RuleConfig.of(this.settings);
		List<Threshold> thresholds = global.thresholds();
		if (own.thresholds() != null) {
			thresholds = own.thresholds().stream().map(Threshold::parse).toList();
		}
		else if (tags.stream().anyMatch((tag) -> tag.thresholds() != null)) {
			thresholds = tags.stream()
				.filter((tag) -> tag.thresholds() != null)
				.flatMap((tag) -> tag.thresholds().stream())
				.map(Threshold::parse)
				.distinct()
				.toList();
		}
		Set<AlertRule> disabled = EnumSet.noneOf(AlertRule.class);
		List<String> disabledNames = new ArrayList<>(own.disabledRules());
		tags.forEach((tag) -> disabledNames.addAll(tag.disabledRules()));
		for (String name : disabledNames) {
			// Stored names were validated; a rule removed since is simply ignored.
			try {
				disabled.add(AlertRule.valueOf(name));
			}
			catch (IllegalArgumentException ex) {
				// ignored, see above
			}
		}
		Set<String> recipients = new LinkedHashSet<>(own.recipients());
		tags.forEach((tag) -> recipients.addAll(tag.recipients()));
		if (own.ownerEmail() != null) {
			recipients.add(own.ownerEmail());
		}
		return new Effective(global.with(thresholds, disabled), List.copyOf(recipients));
	}

	/**
	 * The settings in force for one endpoint.
	 *
	 * @param rules what the rules use
	 * @param recipients who is told beyond the global list
	 */
	record Effective(RuleConfig rules, List<String> recipients) {
	}

}
