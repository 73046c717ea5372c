package dev.tlswatch.scan;

import java.util.List;

import dev.tlswatch.probe.Hsts;
import dev.tlswatch.probe.Revocation;
import dev.tlswatch.probe.RevocationReport;
import dev.tlswatch.probe.Observed;
import dev.tlswatch.probe.VulnerabilityResult;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Stores {@link CipherSupport} and {@link HstsDetails} as one {@code jsonb} document each
 * per address: they are read and written whole, never queried in parts. The documents
 * keep the shape they had as text: a cipher support document names the probe's enums by
 * their constants ({@code TLS_1_2}, {@code SERVER}, {@code STRONG}), and an HSTS document
 * has one {@code state}, the verdict when the server's answer was judged and the
 * observation status otherwise ({@code ENABLED}, {@code NOT_APPLICABLE}...).
 */
@Component
class CipherSupportCodec {

	private final JsonMapper json;

	CipherSupportCodec(JsonMapper json) {
		this.json = json;
	}

	@Nullable String encode(@Nullable CipherSupport support) {
		return (support != null) ? this.json.writeValueAsString(support) : null;
	}

	@Nullable CipherSupport decode(@Nullable String document) {
		return (document != null) ? this.json.readValue(document, CipherSupport.class) : null;
	}

	@Nullable String encodeHsts(@Nullable HstsDetails hsts) {
		return (hsts != null) ? this.json.writeValueAsString(HstsDocument.of(hsts)) : null;
	}

	@Nullable String encodeRevocation(RevocationReport revocation) {
		return this.json.writeValueAsString(new RevocationDocument(revocation.certificates()));
	}

	/**
	 * The stored revocation report; a scan stored before revocation was checked has none.
	 * @param document the column
	 * @param chainLength the number of certificates of the stored chain
	 * @return the report
	 */
	RevocationReport decodeRevocation(@Nullable String document, int chainLength) {
		if (document == null) {
			return RevocationReport.notChecked(chainLength, AddressResult.REVOCATION_NOT_RECORDED);
		}
		return new RevocationReport(this.json.readValue(document, RevocationDocument.class).certificates());
	}

	@Nullable HstsDetails decodeHsts(@Nullable String document) {
		return (document != null) ? this.json.readValue(document, HstsDocument.class).toDetails() : null;
	}

	/**
	 * A revocation report as its column holds it: per certificate, {@code status},
	 * {@code source}, {@code reason}, {@code revokedAt} (ISO-8601) and {@code detail}.
	 *
	 * @param certificates the answers, leaf first
	 */
	record RevocationDocument(List<Revocation> certificates) {
	}

	/**
	 * An HSTS policy as its column holds it.
	 *
	 * @param state the verdict or, without one, the observation status
	 * @param maxAge the max-age in seconds
	 * @param includeSubDomains whether the policy covers subdomains
	 * @param preload whether the preload token is present
	 * @param header the header as received
	 * @param detail the answer or why there is none
	 */
	record HstsDocument(String state, @Nullable Long maxAge, boolean includeSubDomains, boolean preload,
			@Nullable String header, @Nullable String detail) {

		static HstsDocument of(HstsDetails hsts) {
			Hsts.Verdict verdict = hsts.verdict();
			String state = (verdict != null) ? verdict.name() : hsts.status().name();
			return new HstsDocument(state, hsts.maxAge(), hsts.includeSubDomains(), hsts.preload(), hsts.header(),
					hsts.detail());
		}

		HstsDetails toDetails() {
			for (Hsts.Verdict verdict : Hsts.Verdict.values()) {
				if (verdict.name().equals(this.state)) {
					return HstsDetails.observed(verdict, this.maxAge, this.includeSubDomains, this.preload, this.header,
							this.detail);
				}
			}
			Observed.Status status = Observed.Status.valueOf(this.state);
			if (status == Observed.Status.OBSERVED) {
				throw new IllegalStateException("An observed HSTS policy is stored with its verdict");
			}
			return new HstsDetails(status, null, this.maxAge, this.includeSubDomains, this.preload, this.header,
					this.detail);
		}

	}

	@Nullable String encodeNames(List<String> names) {
		return names.isEmpty() ? null : this.json.writeValueAsString(names);
	}

	List<String> decodeNames(@Nullable String document) {
		return (document != null) ? List.of(this.json.readValue(document, String[].class)) : List.of();
	}

	/** The verdicts as a JSON array, {@code null} when there are none (not probed). */
	@Nullable String encodeVulnerabilities(List<VulnerabilityResult> vulnerabilities) {
		return vulnerabilities.isEmpty() ? null : this.json.writeValueAsString(vulnerabilities);
	}

	List<VulnerabilityResult> decodeVulnerabilities(@Nullable String document) {
		if (document == null) {
			return List.of();
		}
		return List.of(this.json.readValue(document, VulnerabilityResult[].class));
	}

}
