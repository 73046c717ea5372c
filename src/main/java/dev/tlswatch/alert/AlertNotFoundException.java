package dev.tlswatch.alert;

/**
 * There is no alert with the given identifier.
 */
public class AlertNotFoundException extends RuntimeException {

	private final long alertId;

	public AlertNotFoundException(long alertId) {
		super("No alert with id " + alertId);
		this.alertId = alertId;
	}

	public long getAlertId() {
		return this.alertId;
	}

}
