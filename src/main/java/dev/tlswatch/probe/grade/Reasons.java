package dev.tlswatch.probe.grade;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import dev.tlswatch.probe.GradeLetter;
import dev.tlswatch.probe.GradeReason;
import org.jspecify.annotations.Nullable;

/**
 * The rules that applied while grading one input, each once (the first detail wins).
 */
final class Reasons {

	private static final Comparator<GradeReason> WORST_FIRST = Comparator.comparingInt((reason) -> rank(reason.cap()));

	private final Map<GradeRule, GradeReason> applied = new EnumMap<>(GradeRule.class);

	void add(GradeRule rule) {
		add(rule, null);
	}

	void add(GradeRule rule, @Nullable String detail) {
		this.applied.putIfAbsent(rule, rule.reason(detail));
	}

	boolean contains(GradeRule rule) {
		return this.applied.containsKey(rule);
	}

	boolean anyCapped(GradeLetter cap) {
		return this.applied.keySet().stream().anyMatch((rule) -> rule.cap() == cap);
	}

	/** The worst letter of the A+ to F scale any rule allows; A+ when none limits. */
	GradeLetter ceiling() {
		return this.applied.keySet()
			.stream()
			.map(GradeRule::cap)
			.filter(GradeLetter::isScale)
			.reduce(GradeLetter.A_PLUS, Letters::worse);
	}

	List<GradeReason> worstFirst() {
		return this.applied.values().stream().sorted(WORST_FIRST).toList();
	}

	// T, then M, then the scale from F up to A+ (what limits nothing: not tested)
	private static int rank(GradeLetter cap) {
		return switch (cap) {
			case T -> 0;
			case M -> 1;
			default -> 2 + GradeLetter.F.ordinal() - cap.ordinal();
		};
	}

}
