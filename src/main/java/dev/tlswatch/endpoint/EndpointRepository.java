package dev.tlswatch.endpoint;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

/**
 * Stores {@link Endpoint}s; only what the service needs.
 */
interface EndpointRepository extends Repository<Endpoint, Long> {

	Endpoint saveAndFlush(Endpoint endpoint);

	/**
	 * The endpoint with its tags, in one query: what updates and the client credentials
	 * read (scans read an endpoint through {@link EndpointReads}).
	 * @param id the endpoint's id
	 * @return the endpoint, if stored
	 */
	@EntityGraph(attributePaths = "tags")
	Optional<Endpoint> findById(long id);

	Page<Endpoint> findAll(Pageable pageable);

	List<Endpoint> findAllByIdIn(Collection<Long> ids);

	List<Endpoint> findAllByHostOrderByPortAscIdAsc(String host);

	void delete(Endpoint endpoint);

	void flush();

	/**
	 * The endpoint with this identity, as the unique index {@code endpoint_identity_uk}
	 * defines it.
	 * @param host normalised host
	 * @param port port
	 * @param sniKey normalised SNI name, empty for none
	 * @return its id, if registered
	 */
	@Query("select e.id from Endpoint e where e.host = :host and e.port = :port and coalesce(e.sniName, '') = :sniKey")
	Optional<Long> findIdByIdentity(@Param("host") String host, @Param("port") int port,
			@Param("sniKey") String sniKey);

}
