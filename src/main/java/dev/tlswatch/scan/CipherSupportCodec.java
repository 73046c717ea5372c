package dev.tlswatch.scan;

import java.util.List;

import dev.tlswatch.probe.VulnerabilityResult;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Stores {@link CipherSupport} and {@link HstsDetails} as one JSON document each per
 * address: they are read and written whole, never queried in parts.
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
		return (hsts != null) ? this.json.writeValueAsString(hsts) : null;
	}

	@Nullable HstsDetails decodeHsts(@Nullable String document) {
		return (document != null) ? this.json.readValue(document, HstsDetails.class) : null;
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
