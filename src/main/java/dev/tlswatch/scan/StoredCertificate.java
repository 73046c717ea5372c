package dev.tlswatch.scan;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import dev.tlswatch.probe.CertificateInfo;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

/**
 * A certificate as stored, once per SHA-256 fingerprint. Written with an
 * {@code insert ... on conflict do nothing} (see {@link ScanStore}), read through JPA.
 */
@Entity
@Immutable
@Table(name = "certificate")
class StoredCertificate {

	@Id
	private String sha256 = "";

	@Column(nullable = false)
	private String subject = "";

	@Column(nullable = false)
	private String issuer = "";

	@Column(name = "serial_number", nullable = false)
	private String serialNumber = "";

	@JdbcTypeCode(SqlTypes.ARRAY)
	@Column(name = "subject_alt_names", nullable = false, columnDefinition = "text[]")
	private String[] subjectAltNames = new String[0];

	@Column(name = "not_before", nullable = false)
	private Instant notBefore = Instant.EPOCH;

	@Column(name = "not_after", nullable = false)
	private Instant notAfter = Instant.EPOCH;

	@Column(name = "key_algorithm", nullable = false)
	private String keyAlgorithm = "";

	@Column(name = "key_size")
	private @Nullable Integer keySize;

	@Column(name = "signature_algorithm", nullable = false)
	private String signatureAlgorithm = "";

	@Column(name = "self_signed", nullable = false)
	private boolean selfSigned;

	@Column(nullable = false)
	private String pem = "";

	@Column(name = "first_seen_at", nullable = false)
	private Instant firstSeenAt = Instant.EPOCH;

	protected StoredCertificate() {
	}

	String getSha256() {
		return this.sha256;
	}

	CertificateInfo toDetails() {
		return new CertificateInfo(this.sha256, this.subject, this.issuer, this.serialNumber,
				List.of(this.subjectAltNames), this.notBefore, this.notAfter, this.keyAlgorithm, this.keySize,
				this.signatureAlgorithm, this.selfSigned, this.pem);
	}

}
