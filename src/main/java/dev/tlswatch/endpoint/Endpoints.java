package dev.tlswatch.endpoint;

import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;

/**
 * The endpoint registry's API. Every change is validated completely before anything is
 * stored, and announced as an {@code Endpoint*} event inside its transaction.
 */
public interface Endpoints {

	/** The most endpoints one bulk change may name. */
	int MAX_BULK_IDS = 500;

	/**
	 * Register an endpoint.
	 * @param draft what the user asked for
	 * @return the stored endpoint
	 * @throws InvalidEndpointException naming every invalid field
	 * @throws DuplicateEndpointException if host, port and SNI name are already
	 * registered
	 */
	EndpointDetails register(EndpointDraft draft);

	/**
	 * Register an endpoint and, in the same transaction, let another module store what
	 * belongs to it (the dashboard form's alert settings): if that step throws, nothing
	 * is stored. The one route for registering with extras; the registry knows nothing of
	 * them.
	 * @param draft what the user asked for
	 * @param inSameTransaction the step, given the stored endpoint
	 * @return the stored endpoint
	 * @throws InvalidEndpointException naming every invalid field
	 * @throws DuplicateEndpointException if host, port and SNI name are already
	 * registered
	 */
	EndpointDetails register(EndpointDraft draft, Consumer<EndpointDetails> inSameTransaction);

	/**
	 * Register several endpoints in one transaction: all of them, or none if one is
	 * invalid or a duplicate (of a registered one or of another in the list).
	 * @param drafts what the user asked for, in order
	 * @return the stored endpoints, in the order of the drafts
	 * @throws InvalidEndpointException naming every invalid field of the first invalid
	 * draft
	 * @throws DuplicateEndpointException if one is already registered or listed twice
	 */
	List<EndpointDetails> registerAll(List<EndpointDraft> drafts);

	/**
	 * Check a draft as {@link #register(EndpointDraft)} would, without storing anything.
	 * @param draft what the user asked for
	 * @return the endpoint's normalised identity ({@code host:port}, with the SNI name if
	 * it has its own), to find duplicates among several drafts
	 * @throws InvalidEndpointException naming every invalid field
	 * @throws DuplicateEndpointException if host, port and SNI name are already
	 * registered
	 */
	String validate(EndpointDraft draft);

	/**
	 * Replace an endpoint's settings.
	 * @param id the endpoint
	 * @param draft the new settings
	 * @return the stored endpoint
	 * @throws EndpointNotFoundException if there is no such endpoint
	 * @throws InvalidEndpointException naming every invalid field
	 * @throws DuplicateEndpointException if another endpoint has the same host, port and
	 * SNI name
	 */
	EndpointDetails update(long id, EndpointDraft draft);

	/**
	 * Change an endpoint and, in the same transaction, let another module store what
	 * belongs to it: if that step throws, nothing is changed.
	 * @param id the endpoint
	 * @param draft the new settings
	 * @param inSameTransaction the step, given the stored endpoint
	 * @return the stored endpoint
	 * @throws EndpointNotFoundException if there is no such endpoint
	 * @throws InvalidEndpointException naming every invalid field
	 * @throws DuplicateEndpointException if another endpoint has the same host, port and
	 * SNI name
	 */
	EndpointDetails update(long id, EndpointDraft draft, Consumer<EndpointDetails> inSameTransaction);

	/**
	 * Delete an endpoint and its history.
	 * @param id the endpoint
	 * @throws EndpointNotFoundException if there is no such endpoint
	 */
	void delete(long id);

	/**
	 * Turn scheduled scans of several endpoints on or off, in one transaction. Each
	 * endpoint that changes is announced as {@link EndpointChanged}.
	 * @param ids the endpoints, 1 to {@value #MAX_BULK_IDS} (repeats count once)
	 * @param enabled whether scheduled scans run
	 * @return how many endpoints changed (the others already were so)
	 * @throws InvalidEndpointException naming {@code ids} if there are none or too many
	 * @throws EndpointsNotFoundException listing the ids not registered; nothing changed
	 */
	int setEnabled(Collection<Long> ids, boolean enabled);

	/**
	 * Add a tag to several endpoints, in one transaction. The tag is validated and
	 * normalised as in a draft.
	 * @param ids the endpoints, 1 to {@value #MAX_BULK_IDS}
	 * @param tag the tag
	 * @return how many endpoints changed (the others had it already)
	 * @throws InvalidEndpointException naming {@code ids} or {@code tag}; nothing changed
	 * @throws EndpointsNotFoundException listing the ids not registered; nothing changed
	 */
	int addTag(Collection<Long> ids, String tag);

	/**
	 * Remove a tag from several endpoints, in one transaction.
	 * @param ids the endpoints, 1 to {@value #MAX_BULK_IDS}
	 * @param tag the tag
	 * @return how many endpoints changed (the others did not have it)
	 * @throws InvalidEndpointException naming {@code ids} or {@code tag}; nothing changed
	 * @throws EndpointsNotFoundException listing the ids not registered; nothing changed
	 */
	int removeTag(Collection<Long> ids, String tag);

	/**
	 * Delete several endpoints with their history, in one transaction; each is announced
	 * as {@link EndpointRemoved}.
	 * @param ids the endpoints, 1 to {@value #MAX_BULK_IDS}
	 * @return how many endpoints were deleted
	 * @throws InvalidEndpointException naming {@code ids} if there are none or too many
	 * @throws EndpointsNotFoundException listing the ids not registered; nothing deleted
	 */
	int deleteAll(Collection<Long> ids);

	/**
	 * Find an endpoint.
	 * @param id the endpoint
	 * @return the endpoint, if registered
	 */
	Optional<EndpointDetails> find(long id);

	/**
	 * Get an endpoint.
	 * @param id the endpoint
	 * @return the endpoint
	 * @throws EndpointNotFoundException if there is no such endpoint
	 */
	default EndpointDetails get(long id) {
		return find(id).orElseThrow(() -> new EndpointNotFoundException(id));
	}

	/**
	 * The client certificate and private key of an endpoint, for scanning it. The key
	 * must never be shown, returned or logged.
	 * @param id the endpoint
	 * @return its credentials, empty if it has none or does not exist
	 */
	Optional<ClientCredentials> clientCredentials(long id);

	/**
	 * A page of endpoints, ordered as the pageable says (by host and port by default).
	 * @param pageable the page
	 * @return the page
	 */
	Page<EndpointDetails> list(Pageable pageable);

	/**
	 * The given endpoints, in the order of the ids; ids not registered are left out.
	 * @param ids endpoint ids
	 * @return the endpoints found
	 */
	List<EndpointDetails> findAll(List<Long> ids);

	/**
	 * The endpoints registered for a host, whatever their port and SNI name.
	 * @param host a DNS name or IP literal, normalised as registration does; an invalid
	 * host has none
	 * @return the endpoints, ordered by port
	 */
	List<EndpointDetails> findByHost(String host);

	/**
	 * The scan interval of endpoints registered without one
	 * ({@code tlswatch.endpoint.default-scan-interval-minutes}).
	 * @return minutes between scans
	 */
	int defaultScanIntervalMinutes();

}
