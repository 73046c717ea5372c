package dev.tlswatch.endpoint;

import java.util.Locale;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a start that failed on a {@code tlswatch.scan-policy.*} entry in one paragraph
 * instead of a stack trace (registered in {@code META-INF/spring.factories}).
 */
class ScanPolicyFailureAnalyzer extends AbstractFailureAnalyzer<InvalidScanPolicyException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidScanPolicyException cause) {
		return new FailureAnalysis(
				"The scan target policy setting " + cause.key() + " is '" + printable(cause.value())
						+ "', which is not valid: " + cause.problem() + ".",
				"Correct or remove " + cause.key() + " (in application.properties, or the environment variable "
						+ environmentVariable(cause.key()) + "). Each entry must be " + cause.expected()
						+ ". See docs/configuration.md, \"Scan target policy\".",
				cause);
	}

	/**
	 * Relaxed binding's environment name of the list: {@code TLSWATCH_SCANPOLICY_ALLOW}.
	 */
	private static String environmentVariable(String key) {
		String list = (key.indexOf('[') > 0) ? key.substring(0, key.indexOf('[')) : key;
		return list.replace("-", "").replace('.', '_').toUpperCase(Locale.ROOT);
	}

	private static String printable(String value) {
		String shown = value.replaceAll("\\p{Cntrl}", "?");
		return (shown.length() > 100) ? shown.substring(0, 100) + "…" : shown;
	}

}
