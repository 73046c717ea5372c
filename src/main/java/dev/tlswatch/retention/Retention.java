package dev.tlswatch.retention;

/**
 * The retention module's API.
 */
public interface Retention {

	/**
	 * Prunes now, in the calling thread, as the settings say.
	 * @return what was deleted
	 */
	RetentionReport runNow();

	/**
	 * The settings, the database size and the last run.
	 * @return the status
	 */
	RetentionStatus status();

}
