package dev.tlswatch.notify;

/**
 * Delivers one claimed outbox row on one channel.
 */
interface ChannelSender {

	Channel channel();

	/**
	 * Whether the channel is configured on this node; rows of a channel that is off here
	 * are left to nodes where it is on.
	 */
	boolean enabled();

	/**
	 * Delivers the row, or throws.
	 * @param delivery the row and its message
	 * @throws DeliveryFailedException if it was not delivered (the outbox retries)
	 */
	void send(Delivery delivery) throws DeliveryFailedException;

}
