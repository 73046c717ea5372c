package dev.tlswatch.scan;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.Repository;

/**
 * Stored certificates, read side.
 */
interface StoredCertificateRepository extends Repository<StoredCertificate, String> {

	Optional<StoredCertificate> findById(String sha256);

	List<StoredCertificate> findBySha256In(Collection<String> sha256s);

}
