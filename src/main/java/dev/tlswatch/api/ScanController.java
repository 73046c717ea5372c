package dev.tlswatch.api;

import java.net.URI;
import java.util.List;
import java.util.Map;

import dev.tlswatch.endpoint.Endpoints;
import dev.tlswatch.finding.FindingDetails;
import dev.tlswatch.finding.Findings;
import dev.tlswatch.scan.ScanDetails;
import dev.tlswatch.scan.ScanKind;
import dev.tlswatch.scan.Scans;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/endpoints/{id}/scans}: scan an endpoint now and read its scan history,
 * each scan with its findings.
 */
@RestController
@RequestMapping(EndpointController.PATH + "/{id}/scans")
@Tag(name = "Scans", description = "Scans of an endpoint and what they found")
@ProblemResponses.BadRequest
@ProblemResponses.EndpointNotFound
class ScanController {

	private final Endpoints endpoints;

	private final Scans scans;

	private final Findings findings;

	ScanController(Endpoints endpoints, Scans scans, Findings findings) {
		this.endpoints = endpoints;
		this.scans = scans;
		this.findings = findings;
	}

	@PostMapping
	@Operation(summary = "Scan an endpoint now",
			description = "Runs in the request, bounded by the scan timeouts, and answers with the stored scan and "
					+ "its findings (judged after the scan is stored; waits up to 10 s for them). The scan's kind "
					+ "says whether the full probe ran; a bad kind is a 400 naming kind.")
	@ApiResponse(responseCode = "201", description = "Scanned")
	@ApiResponse(responseCode = "429",
			description = "Asked too soon after the last requested scan of this endpoint, or too many in the last "
					+ "minute; the Retry-After header says how many seconds to wait",
			content = @Content(mediaType = ApiProblems.MEDIA_TYPE,
					schema = @Schema(implementation = ProblemDetail.class)))
	ResponseEntity<ScanResponse> scanNow(@PathVariable long id,
			@Parameter(description = "FULL (the default) runs the full probe; QUICK runs one handshake per address and "
					+ "carries the last full probe's facts forward, or runs the full probe when the endpoint has "
					+ "none yet, its last one is older than tlswatch.scan.full-probe-max-age, or the server's "
					+ "fingerprint changed", schema = @Schema(allowableValues = { "QUICK", "FULL" })) @RequestParam(
							defaultValue = "FULL") ScanKind kind) {
		this.endpoints.get(id);
		ScanDetails scanned = (kind == ScanKind.FULL) ? this.scans.scanNow(id) : this.scans.scanNow(id, kind);
		this.findings.awaitJudged(scanned.id(), VERDICT_WAIT);
		ScanResponse scan = response(scanned);
		URI location = URI.create(EndpointController.PATH + "/" + id + "/scans/" + scan.id());
		return ResponseEntity.created(location).body(scan);
	}

	@GetMapping
	@Operation(summary = "An endpoint's scans, newest first")
	PageResponse<ScanResponse> history(@PathVariable long id,
			@Parameter(description = "Zero-based page number") @RequestParam(defaultValue = "0") @Min(0) int page,
			@Parameter(description = "Page size, at most " + Paging.MAX_SIZE) @RequestParam(
					defaultValue = "" + Paging.DEFAULT_SIZE) @Min(1) @Max(Paging.MAX_SIZE) int size) {
		this.endpoints.get(id);
		Page<ScanDetails> history = this.scans.history(id, PageRequest.of(page, size));
		Map<Long, List<FindingDetails>> findings = this.findings
			.forScans(history.getContent().stream().map(ScanDetails::id).toList());
		return PageResponse.of(history, (scan) -> ScanResponse.of(scan, findings.getOrDefault(scan.id(), List.of())));
	}

	@GetMapping("/latest")
	@Operation(summary = "An endpoint's latest scan")
	@ApiResponse(responseCode = "404", description = "No such endpoint, or it was never scanned",
			content = @Content(mediaType = ApiProblems.MEDIA_TYPE,
					schema = @Schema(implementation = ProblemDetail.class)))
	ScanResponse latest(@PathVariable long id) {
		this.endpoints.get(id);
		return this.scans.latest(id).map(this::response).orElseThrow(() -> ApiProblems.scanNotFound(id));
	}

	@GetMapping("/{scanId}")
	@Operation(summary = "One scan of an endpoint")
	@ApiResponse(responseCode = "404", description = "No such endpoint, or no such scan of it",
			content = @Content(mediaType = ApiProblems.MEDIA_TYPE,
					schema = @Schema(implementation = ProblemDetail.class)))
	ScanResponse scan(@PathVariable long id, @PathVariable long scanId) {
		this.endpoints.get(id);
		return this.scans.find(scanId)
			.filter((scan) -> scan.endpointId() == id)
			.map(this::response)
			.orElseThrow(() -> ApiProblems.scanNotFound(id, scanId));
	}

	/** How long "scan now" waits for the finding module's verdict on its scan. */
	static final java.time.Duration VERDICT_WAIT = java.time.Duration.ofSeconds(10);

	private ScanResponse response(ScanDetails scan) {
		return ScanResponse.of(scan, this.findings.forScan(scan.id()));
	}

}
