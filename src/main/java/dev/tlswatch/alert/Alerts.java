package dev.tlswatch.alert;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;

/**
 * The alert module's API: read alerts, act on them, and keep the per-endpoint and per-tag
 * overrides.
 */
public interface Alerts {

	/**
	 * A page of alerts, newest first.
	 * @param filter which alerts
	 * @param pageable the page
	 * @return the page
	 */
	Page<AlertDetails> list(AlertFilter filter, Pageable pageable);

	/**
	 * One alert.
	 * @param id the alert
	 * @return the alert, empty if there is none
	 */
	Optional<AlertDetails> find(long id);

	/**
	 * The open and acknowledged alerts of an endpoint, most severe first.
	 * @param endpointId the endpoint
	 * @return its active alerts
	 */
	List<AlertDetails> activeFor(long endpointId);

	/**
	 * Someone takes the alert on: no more reminders. Acknowledging twice keeps the first.
	 * @param id the alert
	 * @param by who (free text until sign-in exists; blank means {@code anonymous})
	 * @return the alert
	 * @throws AlertNotFoundException if there is no such alert
	 * @throws AlertResolvedException if it is resolved
	 * @throws InvalidAlertInputException if {@code by} is too long
	 */
	AlertDetails acknowledge(long id, String by);

	/**
	 * Mute the alert until a time: no reminders and no escalation mails until then.
	 * @param id the alert
	 * @param until the end of the mute, {@code null} to unmute
	 * @param by who
	 * @return the alert
	 * @throws AlertNotFoundException if there is no such alert
	 * @throws AlertResolvedException if it is resolved
	 * @throws InvalidAlertInputException if {@code until} is not in the future
	 */
	AlertDetails mute(long id, @Nullable Instant until, String by);

	/**
	 * An endpoint's overrides.
	 * @param endpointId the endpoint
	 * @return its overrides, {@link EndpointAlertSettings#NONE} if it has none
	 * @throws dev.tlswatch.endpoint.EndpointNotFoundException if there is no such
	 * endpoint
	 */
	EndpointAlertSettings endpointSettings(long endpointId);

	/**
	 * Replace an endpoint's overrides.
	 * @param endpointId the endpoint
	 * @param settings the overrides
	 * @return the stored overrides, normalised
	 * @throws dev.tlswatch.endpoint.EndpointNotFoundException if there is no such
	 * endpoint
	 * @throws InvalidAlertInputException naming every invalid field
	 */
	EndpointAlertSettings updateEndpointSettings(long endpointId, EndpointAlertSettings settings);

	/**
	 * Every tag's overrides, by tag.
	 * @return the overrides
	 */
	List<TagAlertSettings> tagSettings();

	/**
	 * A tag's overrides.
	 * @param tag the tag
	 * @return the overrides, empty if the tag has none
	 */
	Optional<TagAlertSettings> tagSettings(String tag);

	/**
	 * Replace a tag's overrides.
	 * @param settings the overrides, with the tag
	 * @return the stored overrides, normalised
	 * @throws InvalidAlertInputException naming every invalid field
	 */
	TagAlertSettings updateTagSettings(TagAlertSettings settings);

	/**
	 * Remove a tag's overrides.
	 * @param tag the tag
	 * @return whether it had any
	 */
	boolean deleteTagSettings(String tag);

	/**
	 * Validate overrides without storing them, to report their errors together with
	 * another form's.
	 * @param settings the overrides
	 * @throws InvalidAlertInputException naming every invalid field
	 */
	void checkEndpointSettings(EndpointAlertSettings settings);

	/**
	 * The global settings that overrides start from.
	 * @return the configured defaults
	 */
	AlertDefaults defaults();

}
