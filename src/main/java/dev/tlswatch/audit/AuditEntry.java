package dev.tlswatch.audit;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One recorded change.
 *
 * @param id the identifier, in the order of recording
 * @param occurredAt when
 * @param actor who: a user name, or {@value Audit#SYSTEM}
 * @param action what was done, e.g. {@code ENDPOINT_CREATED}
 * @param targetType what kind of thing, e.g. {@code endpoint}
 * @param targetId which one, {@code null} when there is no single one
 * @param summary what changed, in words, without secrets
 */
public record AuditEntry(long id, Instant occurredAt, String actor, String action, String targetType,
		@Nullable String targetId, String summary) {
}
