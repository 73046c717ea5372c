package dev.tlswatch.scan;

import java.time.Instant;
import java.util.Objects;

import dev.tlswatch.probe.Revocation;

import org.jspecify.annotations.Nullable;

/**
 * One revocation status as pages, the API and exports show it, without the probe's types.
 *
 * @param status {@code GOOD}, {@code REVOKED}, {@code UNKNOWN} or {@code NOT_CHECKED}
 * @param source {@code STAPLE}, {@code OCSP} or {@code CRL} for a good or revoked answer,
 * otherwise {@code null}
 * @param reason the CRL reason of a revoked certificate ({@code keyCompromise}...),
 * {@code null} when none was given
 * @param revokedAt when it was revoked, otherwise {@code null}
 * @param detail what was seen, or why the status is unknown
 */
public record RevocationDetails(String status, @Nullable String source, @Nullable String reason,
		@Nullable Instant revokedAt, String detail) {

	public RevocationDetails {
		Objects.requireNonNull(status, "status");
		Objects.requireNonNull(detail, "detail");
	}

	static RevocationDetails of(Revocation revocation) {
		Revocation.Source source = revocation.source();
		return new RevocationDetails(revocation.status().name(), (source != null) ? source.name() : null,
				revocation.reason(), revocation.revokedAt(), revocation.detail());
	}

	/**
	 * Whether the certificate is revoked.
	 * @return whether the status is {@code REVOKED}
	 */
	public boolean revoked() {
		return "REVOKED".equals(this.status);
	}

}
