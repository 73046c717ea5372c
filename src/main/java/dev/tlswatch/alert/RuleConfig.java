package dev.tlswatch.alert;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import dev.tlswatch.finding.Severity;

/**
 * The rule settings in force for one endpoint: the global settings with its tags' and its
 * own overrides applied.
 *
 * @param disabled rules switched off
 * @param renewalPoint the share of the lifetime after which renewal is expected
 * @param gradeMinimum the lowest acceptable grade
 * @param unreachableAfter consecutive failed scans before {@code UNREACHABLE}
 * @param severities severities other than the defaults
 */
record RuleConfig(Set<AlertRule> disabled, double renewalPoint, String gradeMinimum, int unreachableAfter,
		Map<AlertRule, Severity> severities) {

	RuleConfig {
		disabled = disabled.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(disabled));
		severities = Map.copyOf(severities);
	}

	static RuleConfig of(AlertSettings settings) {
		return new RuleConfig(settings.disabledRules(), settings.renewalPoint(), settings.gradeMinimum(),
				settings.unreachableAfter(), settings.severities());
	}

	RuleConfig with(Set<AlertRule> moreDisabled) {
		Set<AlertRule> all = EnumSet.noneOf(AlertRule.class);
		all.addAll(this.disabled);
		all.addAll(moreDisabled);
		return new RuleConfig(all, this.renewalPoint, this.gradeMinimum, this.unreachableAfter, this.severities);
	}

	Severity severityOf(AlertRule rule) {
		return this.severities.getOrDefault(rule, rule.defaultSeverity());
	}

}
