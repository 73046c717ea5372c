package dev.tlswatch.api;

import java.net.URI;
import java.util.List;
import java.util.Set;

import dev.tlswatch.endpoint.EndpointDetails;
import dev.tlswatch.endpoint.Endpoints;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/endpoints}: register, list, read, replace and delete monitored
 * endpoints. Validation is the registry's; this class only translates.
 */
@RestController
@RequestMapping(EndpointController.PATH)
@Tag(name = "Endpoints", description = "The TLS endpoints TLSWatch monitors")
@ProblemResponses.BadRequest
class EndpointController {

	static final String PATH = "/api/v1/endpoints";

	/** The properties of {@link EndpointResponse} a list can be sorted by. */
	private static final Set<String> SORTABLE = Set.of("id", "host", "port", "tlsMode", "sniName",
			"scanIntervalMinutes", "enabled", "createdAt", "updatedAt");

	private final Endpoints endpoints;

	EndpointController(Endpoints endpoints) {
		this.endpoints = endpoints;
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Register an endpoint")
	@ApiResponse(responseCode = "201", description = "Registered; Location names the new endpoint")
	@ProblemResponses.InvalidEndpoint
	@ProblemResponses.DuplicateEndpoint
	ResponseEntity<EndpointResponse> register(@RequestBody EndpointRequest request) {
		EndpointDetails registered = this.endpoints.register(request.toDraft());
		return ResponseEntity.created(location(registered.id())).body(EndpointResponse.of(registered));
	}

	@GetMapping
	@Operation(summary = "List endpoints, a page at a time",
			description = "Sorted by host and port unless `sort` says otherwise.")
	PageResponse<EndpointResponse> list(
			@Parameter(description = "Zero-based page number") @RequestParam(defaultValue = "0") @Min(0) int page,
			@Parameter(description = "Page size, at most " + Paging.MAX_SIZE) @RequestParam(
					defaultValue = "" + Paging.DEFAULT_SIZE) @Min(1) @Max(Paging.MAX_SIZE) int size,
			@Parameter(description = "`property` or `property,asc|desc`, repeatable; properties: id, host, port, "
					+ "tlsMode, sniName, scanIntervalMinutes, enabled, createdAt, updatedAt") @RequestParam(
							required = false) @Nullable List<String> sort) {
		PageRequest pageable = PageRequest.of(page, size, Paging.sort((sort != null) ? sort : List.of(), SORTABLE));
		return PageResponse.of(this.endpoints.list(pageable), EndpointResponse::of);
	}

	@GetMapping("/{id}")
	@Operation(summary = "Read an endpoint")
	@ProblemResponses.EndpointNotFound
	EndpointResponse get(@PathVariable long id) {
		return EndpointResponse.of(this.endpoints.get(id));
	}

	@PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Replace an endpoint's settings",
			description = "Omitted optional fields take their defaults, as when registering.")
	@ProblemResponses.EndpointNotFound
	@ProblemResponses.InvalidEndpoint
	@ProblemResponses.DuplicateEndpoint
	EndpointResponse update(@PathVariable long id, @RequestBody EndpointRequest request) {
		return EndpointResponse.of(this.endpoints.update(id, request.toDraft()));
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Delete an endpoint and its scan history")
	@ApiResponse(responseCode = "204", description = "Deleted")
	@ProblemResponses.EndpointNotFound
	void delete(@PathVariable long id) {
		this.endpoints.delete(id);
	}

	static URI location(long id) {
		return URI.create(PATH + "/" + id);
	}

}
