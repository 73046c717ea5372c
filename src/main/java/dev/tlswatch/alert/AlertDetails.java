package dev.tlswatch.alert;

import java.time.Instant;

import dev.tlswatch.finding.Severity;
import org.jspecify.annotations.Nullable;

/**
 * One alert: a rule's condition on one endpoint and subject, from the scan that opened it
 * to the one that resolved it.
 *
 * @param id the identifier
 * @param endpointId the endpoint, {@code null} for {@link AlertRule#PROBER_NETWORK}
 * @param rule what it is about
 * @param subject what it concerns within the endpoint: a certificate fingerprint, or
 * empty for the endpoint as a whole
 * @param severity how urgent it is now
 * @param state where it is in its lifecycle
 * @param level for {@link AlertRule#CERT_EXPIRING} how many thresholds are crossed,
 * otherwise 0
 * @param title a headline ({@code certificate expires in 3 days (2026-12-01)})
 * @param message a sentence for users, as of the latest scan
 * @param address the address it concerns, {@code null} for the whole endpoint
 * @param certificateSha256 the certificate's fingerprint, if it concerns one
 * @param certificateSubject its subject DN
 * @param certificateIssuer its issuer DN
 * @param certificateNotAfter its end of validity
 * @param previousSha256 for {@link AlertRule#CERT_CHANGED}: the leaf served before
 * @param openedAt when it opened
 * @param openedScanId the scan that opened it, {@code null} for one not opened by a scan
 * @param escalatedAt when it last escalated
 * @param escalatedScanId the scan that last escalated it
 * @param acknowledgedAt when it was acknowledged
 * @param acknowledgedBy who acknowledged it
 * @param mutedUntil until when it is muted
 * @param resolvedAt when it resolved
 * @param resolvedScanId the scan that resolved it
 * @param updatedAt when it last changed
 */
public record AlertDetails(long id, @Nullable Long endpointId, AlertRule rule, String subject, Severity severity,
		AlertState state, int level, String title, String message, @Nullable String address,
		@Nullable String certificateSha256, @Nullable String certificateSubject, @Nullable String certificateIssuer,
		@Nullable Instant certificateNotAfter, @Nullable String previousSha256, Instant openedAt,
		@Nullable Long openedScanId, @Nullable Instant escalatedAt, @Nullable Long escalatedScanId,
		@Nullable Instant acknowledgedAt, @Nullable String acknowledgedBy, @Nullable Instant mutedUntil,
		@Nullable Instant resolvedAt, @Nullable Long resolvedScanId, Instant updatedAt) {

	/**
	 * Whether it is muted at the given time.
	 * @param now the time
	 * @return whether a mute is in force
	 */
	public boolean mutedAt(Instant now) {
		return this.mutedUntil != null && this.mutedUntil.isAfter(now);
	}

	/**
	 * Whether the condition still holds.
	 * @return whether it is open or acknowledged
	 */
	public boolean active() {
		return this.state != AlertState.RESOLVED;
	}

}
