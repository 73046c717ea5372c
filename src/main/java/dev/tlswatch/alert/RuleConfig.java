package dev.tlswatch.alert;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.tlswatch.finding.Severity;

/**
 * The rule settings in force for one endpoint: the global settings with its tags' and its
 * own overrides applied.
 *
 * @param thresholds expiry thresholds
 * @param disabled rules switched off
 * @param criticalWithin expiry within this is critical
 * @param renewalPoint the share of the lifetime after which renewal is expected
 * @param gradeMinimum the lowest acceptable grade
 * @param unreachableAfter consecutive failed scans before {@code UNREACHABLE}
 * @param severities severities other than the defaults
 */
record RuleConfig(List<Threshold> thresholds, Set<AlertRule> disabled, Duration criticalWithin, double renewalPoint,
		String gradeMinimum, int unreachableAfter, Map<AlertRule, Severity> severities) {

	RuleConfig {
		thresholds = List.copyOf(thresholds);
		disabled = disabled.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(disabled));
		severities = Map.copyOf(severities);
	}

	static RuleConfig of(AlertSettings settings) {
		return new RuleConfig(settings.parsedThresholds(), settings.disabledRules(), settings.criticalWithin(),
				settings.renewalPoint(), settings.gradeMinimum(), settings.unreachableAfter(), settings.severities());
	}

	RuleConfig with(List<Threshold> thresholds, Set<AlertRule> moreDisabled) {
		Set<AlertRule> all = EnumSet.noneOf(AlertRule.class);
		all.addAll(this.disabled);
		all.addAll(moreDisabled);
		return new RuleConfig(thresholds, all, this.criticalWithin, this.renewalPoint, this.gradeMinimum,
				this.unreachableAfter, this.severities);
	}

	Severity severityOf(AlertRule rule) {
		return this.severities.getOrDefault(rule, rule.defaultSeverity());
	}

}
