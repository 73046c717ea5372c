package dev.tlswatch.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import org.springframework.http.ProblemDetail;

/**
 * OpenAPI documentation of the problem responses, one annotation per kind, so that each
 * operation lists exactly the problems it can answer with.
 */
final class ProblemResponses {

	private ProblemResponses() {
	}

	@Target({ ElementType.METHOD, ElementType.TYPE })
	@Retention(RetentionPolicy.RUNTIME)
	@ApiResponse(responseCode = "400",
			description = "Unreadable JSON, unknown property or enum value, or a parameter of the wrong type or out of range; `errors` names each field",
			content = @Content(mediaType = ApiProblems.MEDIA_TYPE,
					schema = @Schema(implementation = ProblemDetail.class)))
	@interface BadRequest {

	}

	@Target({ ElementType.METHOD, ElementType.TYPE })
	@Retention(RetentionPolicy.RUNTIME)
	@ApiResponse(responseCode = "404", description = "No endpoint with this id",
			content = @Content(mediaType = ApiProblems.MEDIA_TYPE,
					schema = @Schema(implementation = ProblemDetail.class)))
	@interface EndpointNotFound {

	}

	@Target({ ElementType.METHOD, ElementType.TYPE })
	@Retention(RetentionPolicy.RUNTIME)
	@ApiResponse(responseCode = "409",
			description = "Host, port and SNI name are already registered; `existingId` names that endpoint",
			content = @Content(mediaType = ApiProblems.MEDIA_TYPE,
					schema = @Schema(implementation = ProblemDetail.class)))
	@interface DuplicateEndpoint {

	}

	@Target({ ElementType.METHOD, ElementType.TYPE })
	@Retention(RetentionPolicy.RUNTIME)
	@ApiResponse(responseCode = "422", description = "The endpoint is invalid; `errors` names every invalid field",
			content = @Content(mediaType = ApiProblems.MEDIA_TYPE,
					schema = @Schema(implementation = ProblemDetail.class)))
	@interface InvalidEndpoint {

	}

	@Target({ ElementType.METHOD, ElementType.TYPE })
	@Retention(RetentionPolicy.RUNTIME)
	@ApiResponse(responseCode = "404", description = "No alert with this id",
			content = @Content(mediaType = ApiProblems.MEDIA_TYPE,
					schema = @Schema(implementation = ProblemDetail.class)))
	@interface AlertNotFound {

	}

	@Target({ ElementType.METHOD, ElementType.TYPE })
	@Retention(RetentionPolicy.RUNTIME)
	@ApiResponse(responseCode = "409", description = "The alert is resolved",
			content = @Content(mediaType = ApiProblems.MEDIA_TYPE,
					schema = @Schema(implementation = ProblemDetail.class)))
	@interface AlertResolved {

	}

	@Target({ ElementType.METHOD, ElementType.TYPE })
	@Retention(RetentionPolicy.RUNTIME)
	@ApiResponse(responseCode = "422",
			description = "Invalid input; `errors` names every invalid field, nothing was stored",
			content = @Content(mediaType = ApiProblems.MEDIA_TYPE,
					schema = @Schema(implementation = ProblemDetail.class)))
	@interface InvalidAlertInput {

	}

}
