package dev.tlswatch.scan;

import java.util.Collection;
import java.util.List;

import org.springframework.data.repository.Repository;

/**
 * Stored address results by id: the rows quick checks refer to for the facts they carry
 * forward.
 */
interface ScanAddressRepository extends Repository<ScanAddress, Long> {

	List<ScanAddress> findByIdIn(Collection<Long> ids);

}
