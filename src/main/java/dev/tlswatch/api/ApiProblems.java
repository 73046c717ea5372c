package dev.tlswatch.api;

import java.net.URI;
import java.util.List;

import dev.tlswatch.problem.InvalidField;
import dev.tlswatch.problem.ProblemTypes;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The API's catalogue of RFC 9457 problem types. Each type URI names one kind of problem;
 * clients can switch on it, humans can read the title.
 */
final class ApiProblems {

	static final String MEDIA_TYPE = ProblemTypes.MEDIA_TYPE;

	private static final String BASE = ProblemTypes.BASE;

	static final URI INVALID_REQUEST = ProblemTypes.INVALID_REQUEST;

	static final URI INVALID_ENDPOINT = URI.create(BASE + "invalid-endpoint");

	static final URI DUPLICATE_ENDPOINT = URI.create(BASE + "duplicate-endpoint");

	static final URI ENDPOINT_NOT_FOUND = URI.create(BASE + "endpoint-not-found");

	static final URI SCAN_NOT_FOUND = URI.create(BASE + "scan-not-found");

	static final URI CERTIFICATE_NOT_FOUND = URI.create(BASE + "certificate-not-found");

	static final URI ALERT_NOT_FOUND = URI.create(BASE + "alert-not-found");

	static final URI ALERT_RESOLVED = URI.create(BASE + "alert-resolved");

	static final URI INVALID_ALERT_INPUT = URI.create(BASE + "invalid-alert-input");

	static final URI TAG_SETTINGS_NOT_FOUND = URI.create(BASE + "tag-settings-not-found");

	static final URI CONCURRENT_UPDATE = URI.create(BASE + "concurrent-update");

	static final URI SCAN_RATE_LIMITED = URI.create(BASE + "scan-rate-limited");
	static final URI INVALID_DISCOVERY_TARGET = URI.create(BASE + "invalid-discovery-target");
	static final URI INVALID_IMPORT = URI.create(BASE + "invalid-import");

	static final URI INVALID_IMPORT_FILE = URI.create(BASE + "invalid-import-file");

	static final URI INVALID_MAIL_ADDRESS = URI.create(BASE + "invalid-mail-address");

	/** The property that lists {@link InvalidField}s. */
	static final String ERRORS = ProblemTypes.ERRORS;

	private ApiProblems() {
	}

	static ProblemDetail problem(HttpStatus status, URI type, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(type);
		problem.setTitle(title);
		return problem;
	}

	static ProblemDetail invalidRequest(String detail, List<InvalidField> errors) {
		return ProblemTypes.invalidRequest(HttpStatus.BAD_REQUEST, detail, errors);
	}

	/**
	 * A 400 for a request parameter that is well-typed but unusable.
	 * @param field the parameter
	 * @param message what is wrong with it
	 * @return the exception to throw
	 */
	static ErrorResponseException invalidParameter(String field, String message) {
		return new ErrorResponseException(HttpStatus.BAD_REQUEST,
				invalidRequest("Invalid request parameter '" + field + "'.", List.of(new InvalidField(field, message))),
				null);
	}

	static ErrorResponseException scanNotFound(long endpointId) {
		return new ErrorResponseException(HttpStatus.NOT_FOUND, problem(HttpStatus.NOT_FOUND, SCAN_NOT_FOUND,
				"Scan not found", "Endpoint " + endpointId + " has not been scanned yet."), null);
	}

	static ErrorResponseException scanNotFound(long endpointId, long scanId) {
		return new ErrorResponseException(HttpStatus.NOT_FOUND, problem(HttpStatus.NOT_FOUND, SCAN_NOT_FOUND,
				"Scan not found", "Endpoint " + endpointId + " has no scan " + scanId + "."), null);
	}

	static ErrorResponseException certificateNotFound(String sha256) {
		return new ErrorResponseException(HttpStatus.NOT_FOUND, problem(HttpStatus.NOT_FOUND, CERTIFICATE_NOT_FOUND,
				"Certificate not found", "No certificate with SHA-256 fingerprint " + sha256 + " has been seen."),
				null);
	}

	static ErrorResponseException tagSettingsNotFound(String tag) {
		return new ErrorResponseException(HttpStatus.NOT_FOUND, problem(HttpStatus.NOT_FOUND, TAG_SETTINGS_NOT_FOUND,
				"Tag settings not found", "The tag has no alert settings."), null);
	}

}
