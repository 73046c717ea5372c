package dev.tlswatch.scan;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;

import dev.tlswatch.probe.CertificateInfo;
import dev.tlswatch.probe.TlsVersion;
import dev.tlswatch.probe.VersionSupport;
import dev.tlswatch.probe.VersionVerdict;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The facts quick checks carry forward by reference (V71): a quick check's row refers to
 * the full probe's row of the same address ({@link ScanAddress#getCarriedFrom()}) instead
 * of holding copies. Reading a page of scans reads the referenced rows in a fixed number
 * of queries; before retention deletes a full probe, the rows that refer to it get
 * copies, as rows stored before V71 hold them. Runs in the caller's transaction.
 */
@Component
class CarriedFacts {

	private final ScanAddressRepository rows;

	private final StoredCertificateRepository certificates;

	private final NamedParameterJdbcTemplate jdbc;

	private final CipherSupportCodec codec;

	private final EntityManager entities;

	CarriedFacts(ScanAddressRepository rows, StoredCertificateRepository certificates, NamedParameterJdbcTemplate jdbc,
			CipherSupportCodec codec, EntityManager entities) {
		this.rows = rows;
		this.certificates = certificates;
		this.jdbc = jdbc;
		this.codec = codec;
		this.entities = entities;
	}

	/**
	 * The results the given rows refer to, without their chains (which a carried result
	 * does not show): one query for the rows, one for their versions and the batched
	 * loads of their collections, however many rows refer; none when no row refers.
	 * @param referring rows of stored scans
	 * @return the referenced results by row id
	 * @throws IllegalStateException when a referenced row is missing or refers to another
	 * row itself, which the store never writes
	 */
	Map<Long, AddressResult> sourcesOf(Collection<ScanAddress> referring) {
		List<Long> ids = referring.stream()
			.map(ScanAddress::getCarriedFrom)
			.filter(Objects::nonNull)
			.distinct()
			.toList();
		if (ids.isEmpty()) {
			return Map.of();
		}
		List<ScanAddress> sources = this.rows.findByIdIn(ids);
		Map<Long, List<VersionSupport>> versions = versionsOf(sources.stream().map(ScanAddress::getId).toList());
		Map<Long, AddressResult> byId = new HashMap<>();
		for (ScanAddress source : sources) {
			if (source.getCarriedFrom() != null) {
				throw new IllegalStateException("Scan result " + source.getId() + " is referred to for carried facts "
						+ "but refers to scan result " + source.getCarriedFrom() + " itself");
			}
			byId.put(source.getId(),
					source.toResult(List.of(), versions.getOrDefault(source.getId(), List.of()), this.codec, null));
		}
		ids.stream().filter((id) -> !byId.containsKey(id)).findFirst().ifPresent((id) -> {
			throw new IllegalStateException("Scan result " + id + " is referred to for carried facts but missing");
		});
		return Map.copyOf(byId);
	}

	/**
	 * The protocol versions of the given rows, in one query, by row id, oldest version
	 * first.
	 * @param rowIds the rows
	 * @return their versions; rows without versions are absent
	 */
	Map<Long, List<VersionSupport>> versionsOf(Collection<Long> rowIds) {
		if (rowIds.isEmpty()) {
			return Map.of();
		}
		Map<Long, List<VersionSupport>> byRow = new HashMap<>();
		this.jdbc.query("""
				select scan_result_id, version, outcome, detail from scan_result_version
				where scan_result_id in (:rows)
				""", Map.of("rows", rowIds),
				(RowCallbackHandler) (row) -> byRow
					.computeIfAbsent(row.getLong("scan_result_id"), (id) -> new ArrayList<>())
					.add(new VersionSupport(TlsVersion.valueOf(row.getString("version")),
							VersionVerdict.valueOf(row.getString("outcome")), row.getString("detail"))));
		byRow.values().forEach((versions) -> versions.sort(Comparator.comparing(VersionSupport::version)));
		return byRow;
	}

	/**
	 * Before the given scans are deleted: every row of another scan that refers to one of
	 * their rows gets copies of the facts it carries (its versions, JSON columns, grade
	 * reasons and rate limit) and refers to none any more, so that it reads as before and
	 * the delete leaves no reference behind. Rows of the deleted scans themselves go with
	 * them.
	 * @param scanIds the scans about to be deleted
	 * @return how many rows got their copies
	 */
	int materialiseReferencesTo(Collection<Long> scanIds) {
		if (scanIds.isEmpty()) {
			return 0;
		}
		List<Long> ids = this.jdbc.queryForList("""
				select q.id from scan_result q join scan_result f on f.id = q.carried_from
				where f.scan_id in (:scans) and q.scan_id not in (:scans)
				""", Map.of("scans", scanIds), Long.class);
		if (ids.isEmpty()) {
			return 0;
		}
		List<ScanAddress> referring = this.rows.findByIdIn(ids);
		Map<Long, AddressResult> sources = sourcesOf(referring);
		Map<String, CertificateInfo> chains = certificatesOf(referring);
		List<Object[]> versions = new ArrayList<>();
		for (ScanAddress row : referring) {
			AddressResult carried = row.toResult(row.getChain().stream().map(chains::get).toList(), List.of(),
					this.codec, sources.get(row.getCarriedFrom()));
			row.materialise(carried, this.codec);
			carried.versions()
				.forEach((version) -> versions.add(new Object[] { row.getId(), version.version().name(),
						version.verdict().name(), version.detail() }));
		}
		this.entities.flush();
		if (!versions.isEmpty()) {
			this.jdbc.getJdbcTemplate().batchUpdate(ScanStore.INSERT_VERSION, versions);
		}
		return referring.size();
	}

	/**
	 * The certificates of the given rows' chains, in one query, by SHA-256.
	 * @param rows the rows
	 * @return the certificates
	 */
	Map<String, CertificateInfo> certificatesOf(List<ScanAddress> rows) {
		List<String> fingerprints = rows.stream().flatMap((row) -> row.getChain().stream()).distinct().toList();
		if (fingerprints.isEmpty()) {
			return Map.of();
		}
		return this.certificates.findBySha256In(fingerprints)
			.stream()
			.map(StoredCertificate::toDetails)
			.collect(Collectors.toMap(CertificateInfo::sha256, Function.identity()));
	}

}
