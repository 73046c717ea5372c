package dev.tlswatch.scan;

import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.repository.Repository;

/**
 * Stored scans.
 */
interface ScanRepository extends Repository<Scan, Long> {

	Scan save(Scan scan);

	Optional<Scan> findById(long id);

	Page<Scan> findByEndpointIdOrderByStartedAtDescIdDesc(long endpointId, Pageable pageable);

	Optional<Scan> findFirstByEndpointIdOrderByStartedAtDescIdDesc(long endpointId);

	Optional<Scan> findFirstByEndpointIdAndKindOrderByStartedAtDescIdDesc(long endpointId, ScanKind kind);

	long countByEndpointId(long endpointId);

}
