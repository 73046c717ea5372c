package dev.tlswatch.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import dev.tlswatch.problem.InvalidField;
import dev.tlswatch.endpoint.Endpoints;
import dev.tlswatch.scan.QueuedScans;
import dev.tlswatch.scan.Scans;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/endpoints/bulk}: scan, enable, disable, delete, tag or untag
 * several endpoints at once. Changes are all or nothing, through the registry (so each is
 * audited and rescheduled); scans are queued one by one under the "scan now" limits.
 */
@RestController
@Tag(name = "Endpoints")
@ProblemResponses.BadRequest
class EndpointBulkApiController {

	static final String PATH = EndpointController.PATH + "/bulk";

	private final Endpoints endpoints;

	private final Scans scans;

	EndpointBulkApiController(Endpoints endpoints, Scans scans) {
		this.endpoints = endpoints;
		this.scans = scans;
	}

	@PostMapping(path = PATH, consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Change several endpoints at once",
			description = "ENABLE, DISABLE, DELETE, ADD_TAG and REMOVE_TAG change all endpoints or none. SCAN queues "
					+ "a scan of each endpoint under the scan-now limits and reports how many were queued and refused.")
	@ApiResponse(responseCode = "200", description = "Done; the summary says how many endpoints changed")
	@ApiResponse(responseCode = "404", description = "Some ids are not registered (`ids` lists them); nothing changed",
			content = @Content(mediaType = ApiProblems.MEDIA_TYPE,
					schema = @Schema(implementation = ProblemDetail.class)))
	@ProblemResponses.InvalidEndpoint
	EndpointBulkResponse bulk(@RequestBody EndpointBulkRequest request) {
		Valid valid = validate(request);
		int requested = valid.ids().size();
		return switch (valid.action()) {
			case SCAN -> {
				QueuedScans result = this.scans.queueScans(valid.ids());
				yield new EndpointBulkResponse(valid.action().name(), requested, 0, result.queued().size(),
						result.refused().size(), result.refused());
			}
			case ENABLE -> changed(valid, this.endpoints.setEnabled(valid.ids(), true));
			case DISABLE -> changed(valid, this.endpoints.setEnabled(valid.ids(), false));
			case DELETE -> changed(valid, this.endpoints.deleteAll(valid.ids()));
			case ADD_TAG -> changed(valid, this.endpoints.addTag(valid.ids(), tagOf(valid)));
			case REMOVE_TAG -> changed(valid, this.endpoints.removeTag(valid.ids(), tagOf(valid)));
		};
	}

	private static EndpointBulkResponse changed(Valid valid, int changed) {
		return new EndpointBulkResponse(valid.action().name(), valid.ids().size(), changed, 0, 0, List.of());
	}

	private static String tagOf(Valid valid) {
		return (valid.tag() != null) ? valid.tag() : "";
	}

	/** Checks the request's shape; the registry checks the tag and the ids' existence. */
	private static Valid validate(EndpointBulkRequest request) {
		List<InvalidField> errors = new ArrayList<>();
		Action action = action(request.action(), errors);
		Set<Long> ids = ids(request.ids(), errors);
		if (action != null && action.needsTag() && (request.tag() == null || request.tag().isBlank())) {
			errors.add(new InvalidField("tag", "is required for " + action.name()));
		}
		if (!errors.isEmpty() || action == null) {
			throw new ErrorResponseException(
					HttpStatus.BAD_REQUEST, ApiProblems.invalidRequest("The bulk request has " + errors.size()
							+ " invalid field" + ((errors.size() != 1) ? "s" : "") + "; nothing was changed.", errors),
					null);
		}
		return new Valid(action, List.copyOf(ids), request.tag());
	}

	private static @Nullable Action action(@Nullable String name, List<InvalidField> errors) {
		String choices = Arrays.stream(Action.values()).map(Action::name).collect(Collectors.joining(", "));
		if (name == null || name.isBlank()) {
			errors.add(new InvalidField("action", "is required: one of " + choices));
			return null;
		}
		try {
			return Action.valueOf(name.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			errors.add(new InvalidField("action", "must be one of " + choices));
			return null;
		}
	}

	private static Set<Long> ids(@Nullable List<@Nullable Long> ids, List<InvalidField> errors) {
		if (ids == null || ids.isEmpty()) {
			errors.add(new InvalidField("ids", "must name at least one endpoint"));
			return Set.of();
		}
		Set<Long> unique = new LinkedHashSet<>();
		for (int i = 0; i < ids.size(); i++) {
			Long id = ids.get(i);
			if (id == null) {
				errors.add(new InvalidField("ids[" + i + "]", "must be an endpoint id"));
			}
			else {
				unique.add(id);
			}
		}
		if (unique.size() > Endpoints.MAX_BULK_IDS) {
			errors.add(new InvalidField("ids", "must not name more than " + Endpoints.MAX_BULK_IDS + " endpoints"));
		}
		return unique;
	}

	/** What a bulk request may do. */
	enum Action {

		SCAN, ENABLE, DISABLE, DELETE, ADD_TAG, REMOVE_TAG;

		boolean needsTag() {
			return this == ADD_TAG || this == REMOVE_TAG;
		}

	}

	private record Valid(Action action, List<Long> ids, @Nullable String tag) {
	}

}
