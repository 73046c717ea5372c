package dev.tlswatch.api;

import dev.tlswatch.scan.Discovery;
import dev.tlswatch.scan.DiscoveryReport;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/discover}: which well-known TLS ports of a host are open and speak TLS.
 */
@RestController
@Tag(name = "Discovery", description = "Find the TLS ports of a host before registering them")
@ProblemResponses.BadRequest
class DiscoveryController {

	static final String PATH = "/api/v1/discover";

	private final Discovery discovery;

	DiscoveryController(Discovery discovery) {
		this.discovery = discovery;
	}

	@PostMapping(PATH)
	@Operation(summary = "Discover the TLS ports of a host",
			description = "Runs in the request: every well-known port of every address at once, at most a few "
					+ "seconds each. Nothing is registered.")
	@ApiResponse(responseCode = "200", description = "Discovered")
	@ApiResponse(responseCode = "422",
			description = "The host is invalid, does not resolve, or the scan target policy denies it or one of "
					+ "its addresses; nothing was contacted",
			content = @Content(mediaType = ApiProblems.MEDIA_TYPE,
					schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "429",
			description = "The host is being discovered already, or discoveries came too often; the Retry-After "
					+ "header says how many seconds to wait",
			content = @Content(mediaType = ApiProblems.MEDIA_TYPE,
					schema = @Schema(implementation = ProblemDetail.class)))
	DiscoveryReport discover(@RequestBody DiscoverRequest request) {
		String host = request.host();
		return this.discovery.discover((host != null) ? host : "");
	}

	/**
	 * What to discover.
	 *
	 * @param host a DNS name or IP literal
	 */
	record DiscoverRequest(@Nullable String host) {
	}

}
