package dev.tlswatch.api;

import java.time.Instant;

import dev.tlswatch.audit.Audit;
import dev.tlswatch.audit.AuditEntry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.PageRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/audit}: the audit log, newest first, for administrators.
 */
@RestController
@RequestMapping(AuditController.PATH)
@Tag(name = "Audit", description = "Who changed what, and when")
@ProblemResponses.BadRequest
class AuditController {

	static final String PATH = "/api/v1/audit";

	private final Audit audit;

	AuditController(Audit audit) {
		this.audit = audit;
	}

	@GetMapping
	@Operation(summary = "The audit log, a page at a time, newest first")
	PageResponse<AuditEventResponse> list(
			@Parameter(description = "Zero-based page number") @RequestParam(defaultValue = "0") @Min(0) int page,
			@Parameter(description = "Page size, at most " + Paging.MAX_SIZE) @RequestParam(
					defaultValue = "" + Paging.DEFAULT_SIZE) @Min(1) @Max(Paging.MAX_SIZE) int size) {
		return PageResponse.of(this.audit.list(PageRequest.of(page, size)), AuditEventResponse::of);
	}

	/**
	 * One recorded change.
	 *
	 * @param id the identifier
	 * @param occurredAt when
	 * @param actor who: a user name, or {@code system}
	 * @param action what was done, e.g. {@code ENDPOINT_CREATED}
	 * @param targetType what kind of thing, e.g. {@code endpoint}
	 * @param targetId which one, {@code null} when there is no single one
	 * @param summary what changed, in words
	 */
	record AuditEventResponse(long id, Instant occurredAt, String actor, String action, String targetType,
			@Nullable String targetId, String summary) {

		static AuditEventResponse of(AuditEntry entry) {
			return new AuditEventResponse(entry.id(), entry.occurredAt(), entry.actor(), entry.action(),
					entry.targetType(), entry.targetId(), entry.summary());
		}

	}

}
