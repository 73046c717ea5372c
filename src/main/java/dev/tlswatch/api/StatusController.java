package dev.tlswatch.api;

import java.time.Instant;
import java.util.List;

import dev.tlswatch.endpoint.Endpoints;
import dev.tlswatch.finding.EndpointStatus;
import dev.tlswatch.finding.EndpointVerdict;
import dev.tlswatch.finding.Findings;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/endpoints/{id}/status}: the endpoint's current verdict, as the finding
 * module judged its latest scan (the same status the dashboard's badge and the export
 * show).
 */
@RestController
@Tag(name = "Endpoints", description = "The TLS endpoints TLSWatch monitors")
@ProblemResponses.BadRequest
class StatusController {

	private final Endpoints endpoints;

	private final Findings findings;

	StatusController(Endpoints endpoints, Findings findings) {
		this.endpoints = endpoints;
		this.findings = findings;
	}

	@GetMapping(EndpointController.PATH + "/{id}/status")
	@Operation(summary = "An endpoint's status and the findings it was judged from",
			description = "PENDING with no findings until its first scan is judged.")
	@ProblemResponses.EndpointNotFound
	StatusResponse status(@PathVariable long id) {
		this.endpoints.get(id);
		EndpointVerdict verdict = this.findings.verdict(id);
		return new StatusResponse(id, verdict.status(), verdict.scanId(), verdict.judgedAt(),
				verdict.findings().stream().map(ScanResponse.FindingResponse::of).toList());
	}

	/**
	 * An endpoint's verdict.
	 *
	 * @param endpointId the endpoint
	 * @param status OK, WARNING, CRITICAL, UNREACHABLE or PENDING
	 * @param scanId the scan it was judged from, {@code null} while pending
	 * @param judgedAt when, {@code null} while pending
	 * @param findings that scan's findings, most severe first
	 */
	record StatusResponse(long endpointId, EndpointStatus status, @Nullable Long scanId, @Nullable Instant judgedAt,
			List<ScanResponse.FindingResponse> findings) {
	}

}
