package dev.tlswatch.scan;

import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

/**
 * Stored scans.
 */
interface ScanRepository extends Repository<Scan, Long> {

	Scan save(Scan scan);

	Optional<Scan> findById(long id);

	Page<Scan> findByEndpointIdOrderByStartedAtDescIdDesc(long endpointId, Pageable pageable);

	Optional<Scan> findFirstByEndpointIdOrderByStartedAtDescIdDesc(long endpointId);

	/**
	 * The endpoint's latest scan of a kind with its rows, their chains and grade reasons,
	 * in one query: what every quick check reads of the last full probe. The fetches are
	 * written in the query rather than as an entity graph: Hibernate translates a query
	 * with an entity graph anew on every call, which cost more than the read itself.
	 * @param endpointId the endpoint
	 * @param kind the kind
	 * @return the scan, if any
	 */
	@Query("""
			select s from Scan s left join fetch s.results r left join fetch r.chain left join fetch r.gradeReasons
			where s.id = (select l.id from Scan l where l.endpointId = :endpointId and l.kind = :kind
			    order by l.startedAt desc, l.id desc limit 1)
			""")
	Optional<Scan> findLatestWithResults(@Param("endpointId") long endpointId, @Param("kind") ScanKind kind);

	long countByEndpointId(long endpointId);

}
