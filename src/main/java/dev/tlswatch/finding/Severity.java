package dev.tlswatch.finding;

/**
 * How urgent a finding is.
 */
public enum Severity {

	INFO, WARNING, CRITICAL

}
