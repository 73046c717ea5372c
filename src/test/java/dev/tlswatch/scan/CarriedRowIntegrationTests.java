package dev.tlswatch.scan;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import dev.tlswatch.endpoint.EndpointDraft;
import dev.tlswatch.endpoint.Endpoints;
import dev.tlswatch.endpoint.TlsMode;
import dev.tlswatch.probe.CertificateInfo;
import dev.tlswatch.probe.GradeLetter;
import dev.tlswatch.probe.GradeReason;
import dev.tlswatch.probe.HandshakeOutcome;
import dev.tlswatch.probe.Observed;
import dev.tlswatch.probe.RateLimit;
import dev.tlswatch.probe.Revocation;
import dev.tlswatch.probe.RevocationReport;
import dev.tlswatch.probe.TlsVersion;
import dev.tlswatch.probe.TrustStatus;
import dev.tlswatch.probe.VersionSupport;
import dev.tlswatch.probe.VersionVerdict;
import dev.tlswatch.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A quick check's row that refers to the full probe's row, on hand-built results stored
 * in PostgreSQL: each fact that {@link AddressResult#carriedInto} takes from the quick
 * check only when it saw it (stapling, the client certificate request, the revocation
 * status of a chain) reads back as the copy showed it, before and after retention copies
 * the facts into the row; a row that refers to nothing (stored before V71) reads as
 * stored.
 */
@IntegrationTest
class CarriedRowIntegrationTests {

	private static final Instant FULL_PROBE_AT = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(3600);

	private static final RevocationReport GOOD = new RevocationReport(
			List.of(Revocation.good(Revocation.Source.OCSP, "Good (OCSP)")));

	private static final RevocationReport REVOKED = new RevocationReport(List.of(Revocation
		.revoked(Revocation.Source.OCSP, "keyCompromise", FULL_PROBE_AT.minusSeconds(60), "Revoked (OCSP)")));

	private static final GradeReason HSTS_SHORT = new GradeReason("HSTS_SHORT", "HSTS under six months", GradeLetter.A);

	@Autowired
	private Endpoints endpoints;

	@Autowired
	private ScanRepository scans;

	@Autowired
	private ScanService service;

	@Autowired
	private ScanRetention retention;

	@Autowired
	private CipherSupportCodec codec;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private PlatformTransactionManager transactions;

	@Test
	void aQuickCheckWithoutAChainStaplingOrRequestShowsTheFullProbesAndItsRevocation() {
		CertificateInfo leaf = certificate();
		AddressResult full = full(leaf);
		AddressResult own = quick(List.of(), null, null, List.of(), new RevocationReport(List.of()));

		AddressResult carried = readAsStored(full, own);

		assertThat(carried.revocation()).isEqualTo(REVOKED);
		assertThat(carried.grade()).isEqualTo(full.grade());
		assertThat(carried.ocspStapled()).isTrue();
		assertThat(carried.clientCertificateRequested()).isTrue();
		assertThat(carried.clientCertificateAuthorities()).containsExactly("CN=Client CA");
		assertThat(carried.rateLimit()).isEqualTo(full.rateLimit());
		assertThat(carried.hsts()).isEqualTo(full.hsts());
	}

	@Test
	void aQuickChecksOwnChainStaplingAndRequestAreShownAndItsRevocationSetsTheGrade() {
		CertificateInfo leaf = certificate();
		AddressResult full = full(leaf);
		AddressResult own = quick(List.of(leaf), false, false, List.of(), GOOD);

		AddressResult carried = readAsStored(full, own);

		assertThat(carried.revocation()).isEqualTo(GOOD);
		assertThat(carried.grade())
			.isEqualTo(new GradeDetails(GradeLetter.A, GradeLetter.A, 92.5, List.of(HSTS_SHORT)));
		assertThat(carried.ocspStapled()).isFalse();
		assertThat(carried.clientCertificateRequested()).isFalse();
		assertThat(carried.clientCertificateAuthorities()).isEmpty();
		assertThat(carried.chain()).containsExactly(leaf);
	}

	@Test
	void aQuickChecksOwnRequestNamesItsOwnAuthorities() {
		CertificateInfo leaf = certificate();
		AddressResult own = quick(List.of(leaf), true, true, List.of("CN=Other CA"), REVOKED);

		AddressResult carried = readAsStored(full(leaf), own);

		assertThat(carried.clientCertificateAuthorities()).containsExactly("CN=Other CA");
		assertThat(carried.revocation()).isEqualTo(REVOKED);
		assertThat(carried.grade().letter()).isEqualTo(GradeLetter.T);
	}

	@Test
	void theFullProbesRowCannotBeDeletedAloneButGoesWithItsEndpoint() {
		CertificateInfo leaf = certificate();
		long endpoint = register();
		long[] ids = store(endpoint, full(leaf), quick(List.of(leaf), null, null, List.of(), REVOKED));

		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> this.jdbc.update("delete from scan where id = ?", ids[0]));
		this.endpoints.delete(endpoint);

		assertThat(
				this.jdbc.queryForObject("select count(*) from scan where id in (?, ?)", Integer.class, ids[0], ids[1]))
			.isZero();
	}

	@Test
	void retentionDeletesAFullProbeAndTheQuickCheckThatRefersToItTogether() {
		CertificateInfo leaf = certificate();
		long[] ids = store(register(), full(leaf), quick(List.of(leaf), null, null, List.of(), GOOD));

		assertThat(this.retention.deleteScans(List.of(ids[0], ids[1]))).isEqualTo(2);
	}

	/**
	 * Store the full probe as a copy and the quick check as a row that refers to it,
	 * check the quick row's columns and that it reads as {@code carriedInto} shows it,
	 * then let retention delete the full probe and read the quick check again.
	 * @return the result as read
	 */
	private AddressResult readAsStored(AddressResult full, AddressResult own) {
		long endpoint = register();
		AddressResult expected = full.carriedInto(own, FULL_PROBE_AT);
		long[] ids = store(endpoint, full, own);
		long fullScan = ids[0];
		long quickScan = ids[1];
		assertThat(this.jdbc.queryForObject("select carried_from from scan_result where scan_id = ?", Long.class,
				quickScan))
			.isEqualTo(ids[2]);
		assertThat(this.jdbc.queryForObject("""
				select count(*) from scan_result r
				where r.scan_id = ? and r.cipher_support is null and r.hsts is null and r.vulnerabilities is null
				  and r.probes_total is null
				  and not exists (select 1 from scan_result_version v where v.scan_result_id = r.id)
				  and not exists (select 1 from scan_result_grade_reason g where g.scan_result_id = r.id)""",
				Integer.class, quickScan))
			.isOne();
		// Its own revocation status only where it differs from the full probe's
		boolean ownRevocation = !own.chain().isEmpty() && !own.revocation().equals(full.revocation());
		assertThat(this.jdbc.queryForObject("select revocation is not null from scan_result where scan_id = ?",
				Boolean.class, quickScan))
			.isEqualTo(ownRevocation);
		// The full probe's own row reads as stored: it refers to nothing
		assertThat(this.service.find(fullScan).orElseThrow().results().get(0)).isEqualTo(full);

		AddressResult read = this.service.find(quickScan).orElseThrow().results().get(0);
		assertThat(read).isEqualTo(expected);

		assertThat(this.retention.deleteScans(List.of(fullScan))).isOne();
		assertThat(this.jdbc.queryForObject("select carried_from from scan_result where scan_id = ?", Long.class,
				quickScan))
			.isNull();
		assertThat(this.service.find(quickScan).orElseThrow().results().get(0)).isEqualTo(expected);
		return read;
	}

	/**
	 * The full probe stored as a copy, the quick check as a row that refers to it.
	 * @return the full probe's scan id, the quick check's, the full probe's row id
	 */
	private long[] store(long endpoint, AddressResult full, AddressResult own) {
		AddressResult expected = full.carriedInto(own, FULL_PROBE_AT);
		TransactionTemplate writing = new TransactionTemplate(this.transactions);
		long[] ids = writing.execute((status) -> {
			Scan fullScan = new Scan(endpoint, ScanTrigger.SCHEDULED, FULL_PROBE_AT, FULL_PROBE_AT.plusSeconds(5),
					HandshakeOutcome.OK, null, ScanKind.FULL, FULL_PROBE_AT);
			fullScan.addResult(ScanAddress.copyOf(full, this.codec));
			Scan storedFull = this.scans.save(fullScan);
			long fullRow = storedFull.getResults().get(0).getId();
			full.versions()
				.forEach((version) -> this.jdbc.update(ScanStore.INSERT_VERSION, fullRow, version.version().name(),
						version.verdict().name(), version.detail()));
			Instant quickAt = FULL_PROBE_AT.plus(Duration.ofMinutes(30));
			Scan quickScan = new Scan(endpoint, ScanTrigger.SCHEDULED, quickAt, quickAt.plusSeconds(1),
					HandshakeOutcome.OK, null, ScanKind.QUICK, FULL_PROBE_AT);
			quickScan.addResult(ScanAddress.referring(fullRow, full.revocation(), expected, own, this.codec));
			return new long[] { storedFull.getId(), this.scans.save(quickScan).getId(), fullRow };
		});
		return Objects.requireNonNull(ids);
	}

	private long register() {
		return this.endpoints
			.register(new EndpointDraft("carried-" + UUID.randomUUID() + ".example", 443, TlsMode.IMPLICIT, null, 60,
					List.of(), false))
			.id();
	}

	private static AddressResult full(CertificateInfo leaf) {
		List<VersionSupport> versions = List.of(
				new VersionSupport(TlsVersion.TLS_1_2, VersionVerdict.REJECTED, "Alert"),
				new VersionSupport(TlsVersion.TLS_1_3, VersionVerdict.ACCEPTED, "TLS_AES_128_GCM_SHA256"));
		GradeDetails grade = new GradeDetails(GradeLetter.A, GradeLetter.A, 92.5, List.of(HSTS_SHORT))
			.withRevoked(true);
		return new AddressResult("192.0.2.7", HandshakeOutcome.OK, null, "TLSv1.3", "TLS_AES_128_GCM_SHA256", 2, 9,
				TrustStatus.TRUSTED, null, true, List.of(leaf), ChainReportDetails.NONE, versions, grade, 40, null,
				true, HstsDetails.none(Observed.Status.NOT_APPLICABLE, "not an HTTPS port"), true,
				List.of("CN=Client CA"), List.of(), "ee".repeat(32), FULL_PROBE_AT,
				new RateLimit(3, 40, "reset by peer"), REVOKED);
	}

	private static AddressResult quick(List<CertificateInfo> chain, Boolean stapled, Boolean requested,
			List<String> authorities, RevocationReport revocation) {
		return new AddressResult("192.0.2.7", HandshakeOutcome.OK, null, "TLSv1.3", "TLS_AES_128_GCM_SHA256", 1, 4,
				chain.isEmpty() ? TrustStatus.UNKNOWN : TrustStatus.TRUSTED, null, chain.isEmpty() ? null : true, chain,
				ChainReportDetails.NONE, List.of(), null, 1, null, stapled, null, requested, authorities, List.of(),
				"ee".repeat(32), null, null, revocation);
	}

	/** A certificate row of its own, as the store keeps one. */
	private CertificateInfo certificate() {
		String sha256 = (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "");
		CertificateInfo certificate = new CertificateInfo(sha256, "CN=carried.example", "CN=Test CA", "0A",
				List.of("DNS:carried.example"), FULL_PROBE_AT.minus(Duration.ofDays(30)),
				FULL_PROBE_AT.plus(Duration.ofDays(60)), "EC", 256, "SHA256withECDSA", false,
				"-----BEGIN CERTIFICATE-----");
		this.jdbc.update("""
				insert into certificate (sha256, subject, issuer, serial_number, subject_alt_names, not_before,
				    not_after, key_algorithm, key_size, signature_algorithm, self_signed, pem, first_seen_at)
				values (?, ?, ?, ?, array['DNS:carried.example'], ?, ?, ?, ?, ?, ?, ?, now())""", sha256,
				certificate.subject(), certificate.issuer(), certificate.serialNumber(),
				Timestamp.from(certificate.notBefore()), Timestamp.from(certificate.notAfter()),
				certificate.keyAlgorithm(), certificate.keySize(), certificate.signatureAlgorithm(), false,
				certificate.pem());
		return certificate;
	}

}
