package dev.tlswatch.api;

import java.time.Instant;

import dev.tlswatch.alert.AlertDetails;
import dev.tlswatch.alert.AlertRule;
import dev.tlswatch.alert.AlertState;
import dev.tlswatch.finding.Severity;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * An alert as the API shows it.
 *
 * @param id the identifier
 * @param endpointId the endpoint, {@code null} for TLSWatch's own {@code PROBER_NETWORK}
 * @param rule what it is about
 * @param subject a certificate fingerprint, or empty for the endpoint as a whole
 * @param severity how urgent
 * @param state OPEN, ACKNOWLEDGED or RESOLVED
 * @param level expiry thresholds crossed ({@code CERT_EXPIRING}), else 0
 * @param title the headline
 * @param message a sentence for users
 * @param address the address concerned
 * @param certificate the certificate concerned
 * @param previousSha256 the leaf before a {@code CERT_CHANGED}
 * @param openedAt when it opened
 * @param openedScanId the scan that opened it
 * @param escalatedAt when it last escalated
 * @param escalatedScanId the scan that escalated it
 * @param acknowledgedAt when it was acknowledged
 * @param acknowledgedBy by whom
 * @param mutedUntil until when it is muted
 * @param resolvedAt when it resolved
 * @param resolvedScanId the scan that resolved it
 * @param updatedAt when it last changed
 */
@Schema(name = "Alert")
record AlertResponse(long id, @Nullable Long endpointId, AlertRule rule, String subject, Severity severity,
		AlertState state, int level, String title, String message, @Nullable String address,
		@Nullable CertificateRef certificate, @Nullable String previousSha256, Instant openedAt,
		@Nullable Long openedScanId, @Nullable Instant escalatedAt, @Nullable Long escalatedScanId,
		@Nullable Instant acknowledgedAt, @Nullable String acknowledgedBy, @Nullable Instant mutedUntil,
		@Nullable Instant resolvedAt, @Nullable Long resolvedScanId, Instant updatedAt) {

	static AlertResponse of(AlertDetails alert) {
		CertificateRef certificate = (alert.certificateSha256() != null) ? new CertificateRef(alert.certificateSha256(),
				alert.certificateSubject(), alert.certificateIssuer(), alert.certificateNotAfter()) : null;
		return new AlertResponse(alert.id(), alert.endpointId(), alert.rule(), alert.subject(), alert.severity(),
				alert.state(), alert.level(), alert.title(), alert.message(), alert.address(), certificate,
				alert.previousSha256(), alert.openedAt(), alert.openedScanId(), alert.escalatedAt(),
				alert.escalatedScanId(), alert.acknowledgedAt(), alert.acknowledgedBy(), alert.mutedUntil(),
				alert.resolvedAt(), alert.resolvedScanId(), alert.updatedAt());
	}

	/**
	 * The certificate an alert concerns; the whole of it is at
	 * {@code /api/v1/certificates/{sha256}}.
	 *
	 * @param sha256 its fingerprint
	 * @param subject its subject DN
	 * @param issuer its issuer DN
	 * @param notAfter its end of validity
	 */
	record CertificateRef(String sha256, @Nullable String subject, @Nullable String issuer,
			@Nullable Instant notAfter) {
	}

}
