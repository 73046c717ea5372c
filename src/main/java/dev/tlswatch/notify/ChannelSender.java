package dev.tlswatch.notify;

/**
 * Delivers one claimed outbox row through one channel.
 */
interface ChannelSender {

	/**
	 * Whether this sender speaks the type.
	 * @param type a channel type
	 * @return whether it does
	 */
	boolean supports(ChannelType type);

	/**
	 * Whether the channel can deliver on this node; rows of a channel that is off here
	 * are left to nodes where it is on.
	 * @param channel the channel
	 * @return whether it is on
	 */
	boolean enabled(ChannelDefinition channel);

	/**
	 * Delivers the row, or throws.
	 * @param channel the channel, as defined now
	 * @param delivery the row and its message
	 * @throws DeliveryFailedException if it was not delivered (the outbox retries)
	 */
	void send(ChannelDefinition channel, Delivery delivery) throws DeliveryFailedException;

}
