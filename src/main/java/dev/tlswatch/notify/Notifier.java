package dev.tlswatch.notify;

/**
 * The notify module's API: queue messages for delivery and report on delivery.
 */
public interface Notifier {

	/**
	 * Stores the message in the outbox within the caller's transaction (one must be
	 * active), so that it is delivered if and only if that transaction commits. A key
	 * already queued is ignored.
	 * @param message the message
	 * @return whether it was queued, {@code false} for a key seen before
	 */
	boolean enqueue(OutgoingMessage message);

	/**
	 * How delivery is configured and how it is going.
	 * @return the current status
	 */
	DeliveryStatus status();

	/**
	 * Sends a test mail right away, bypassing the outbox.
	 * @param to the recipient; the global list when blank
	 * @return what happened
	 */
	TestMailResult sendTestMail(String to);

}
