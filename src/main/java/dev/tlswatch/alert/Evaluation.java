package dev.tlswatch.alert;

import java.util.List;
import java.util.Set;

/**
 * The rules' verdict on one scan.
 *
 * @param conditions the conditions holding
 * @param evaluated the rules this scan had data for: an active alert of such a rule whose
 * condition is not holding any more resolves; others stay as they are
 * @param memory what to remember for the next scan
 * @param failed whether the scan reached no address
 */
record Evaluation(List<Condition> conditions, Set<AlertRule> evaluated, EndpointMemory memory, boolean failed) {

	Evaluation {
		conditions = List.copyOf(conditions);
		evaluated = Set.copyOf(evaluated);
	}

}
