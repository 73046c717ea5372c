package dev.tlswatch.alert;

/**
 * A resolved alert can be neither acknowledged nor muted.
 */
public class AlertResolvedException extends RuntimeException {

	private final long alertId;

	public AlertResolvedException(long alertId) {
		super("Alert " + alertId + " is resolved");
		this.alertId = alertId;
	}

	public long getAlertId() {
		return this.alertId;
	}

}
