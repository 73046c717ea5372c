package dev.tlswatch.alert;

/**
 * Where an alert is in its lifecycle.
 */
public enum AlertState {

	/** The condition holds and nobody has taken it on. */
	OPEN,

	/** The condition holds and someone has taken it on. */
	ACKNOWLEDGED,

	/** The condition cleared; a return opens a new alert. */
	RESOLVED

}
