package dev.tlswatch.notify;

import java.util.List;

/**
 * The notify module's API for the channels themselves: list them, add, change and delete
 * those stored in the database, and send a test message through one.
 */
public interface NotificationChannels {

	/**
	 * Every channel: those of the configuration first, then those added on the dashboard,
	 * each by name.
	 * @return the channels
	 */
	List<ChannelDefinition> channels();

	/**
	 * Adds a channel, or changes the dashboard channel of that name. All or nothing.
	 * @param input the form's values
	 * @return the stored channel
	 * @throws InvalidChannelException if a value is unusable (names the field)
	 * @throws ChannelConflictException if a configured channel has that name
	 */
	ChannelDefinition save(ChannelInput input);

	/**
	 * Deletes a dashboard channel and its deliveries not sent yet.
	 * @param name its name
	 * @throws ChannelNotFoundException if there is no such dashboard channel
	 */
	void delete(String name);

	/**
	 * Sends a test message through one channel right away, bypassing the outbox and
	 * routing.
	 * @param name the channel's name
	 * @return what happened
	 * @throws ChannelNotFoundException if there is no such channel
	 */
	ChannelTestResult sendTest(String name);

}
