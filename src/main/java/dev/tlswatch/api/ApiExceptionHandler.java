package dev.tlswatch.api;

import java.net.URI;
import java.util.List;
import java.util.stream.Collectors;

import dev.tlswatch.alert.AlertNotFoundException;
import dev.tlswatch.alert.AlertResolvedException;
import dev.tlswatch.alert.InvalidAlertInputException;
import dev.tlswatch.endpoint.DuplicateEndpointException;
import dev.tlswatch.endpoint.EndpointNotFoundException;
import dev.tlswatch.endpoint.EndpointsNotFoundException;
import dev.tlswatch.endpoint.InvalidEndpointException;
import dev.tlswatch.scan.InvalidDiscoveryTargetException;
import dev.tlswatch.inventory.InvalidImportException;
import dev.tlswatch.inventory.InventoryFormatException;
import dev.tlswatch.scan.ScanRateLimitedException;
import dev.tlswatch.notify.InvalidAddressException;
import dev.tlswatch.problem.InvalidField;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;

/**
 * The API's domain exceptions as RFC 9457 problems ({@code application/problem+json}):
 * 404/409/422/429 naming the field. Scoped to this package and ordered first; malformed
 * requests (400 naming the field) and anything unexpected (a logged 500) are answered by
 * the {@code problem} module's application-wide advice.
 */
@RestControllerAdvice(basePackageClasses = ApiExceptionHandler.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler {

	@ExceptionHandler
	ResponseEntity<Object> invalidEndpoint(InvalidEndpointException ex, WebRequest request) {
		List<InvalidField> errors = ex.getViolations()
			.stream()
			.map((violation) -> new InvalidField(violation.field(), violation.message()))
			.toList();
		ProblemDetail problem = ApiProblems.problem(HttpStatus.UNPROCESSABLE_CONTENT, ApiProblems.INVALID_ENDPOINT,
				"Invalid endpoint", "The endpoint has " + errors.size() + " invalid field"
						+ ((errors.size() != 1) ? "s" : "") + "; nothing was stored.");
		problem.setProperty(ApiProblems.ERRORS, errors);
		return answer(problem, new HttpHeaders(), HttpStatus.UNPROCESSABLE_CONTENT, request);
	}

	@ExceptionHandler
	ResponseEntity<Object> invalidImport(InvalidImportException ex, WebRequest request) {
		List<InvalidField> errors = ex.getErrors()
			.stream()
			.map((error) -> new InvalidField(error.path(), error.message()))
			.toList();
		long rows = ex.getErrors().stream().map((error) -> error.index()).distinct().count();
		ProblemDetail problem = ApiProblems.problem(HttpStatus.UNPROCESSABLE_CONTENT, ApiProblems.INVALID_IMPORT,
				"Invalid import", rows + " row" + ((rows != 1) ? "s are" : " is") + " invalid; nothing was stored.");
		problem.setProperty(ApiProblems.ERRORS, errors);
		return answer(problem, new HttpHeaders(), HttpStatus.UNPROCESSABLE_CONTENT, request);
	}

	@ExceptionHandler
	ResponseEntity<Object> invalidImportFile(InventoryFormatException ex, WebRequest request) {
		ProblemDetail problem = ApiProblems.problem(HttpStatus.BAD_REQUEST, ApiProblems.INVALID_IMPORT_FILE,
				"Unreadable import file", ex.getMessage() + " Nothing was stored.");
		problem.setProperty(ApiProblems.ERRORS, List.of(new InvalidField("body", ex.getMessage())));
		return answer(problem, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
	}

	@ExceptionHandler
	ResponseEntity<Object> duplicateEndpoint(DuplicateEndpointException ex, WebRequest request) {
		ProblemDetail problem = ApiProblems.problem(HttpStatus.CONFLICT, ApiProblems.DUPLICATE_ENDPOINT,
				"Endpoint already registered", ex.getMessage() + ".");
		String message = "host, port and sniName are already registered as endpoint " + ex.getExistingId();
		problem.setProperty(ApiProblems.ERRORS, List.of(new InvalidField("host", message),
				new InvalidField("port", message), new InvalidField("sniName", message)));
		problem.setProperty("existingId", ex.getExistingId());
		problem.setProperty("existing", EndpointController.PATH + "/" + ex.getExistingId());
		return answer(problem, new HttpHeaders(), HttpStatus.CONFLICT, request);
	}

	@ExceptionHandler
	ResponseEntity<Object> endpointNotFound(EndpointNotFoundException ex, WebRequest request) {
		ProblemDetail problem = ApiProblems.problem(HttpStatus.NOT_FOUND, ApiProblems.ENDPOINT_NOT_FOUND,
				"Endpoint not found", ex.getMessage() + ".");
		problem.setProperty("endpointId", ex.getEndpointId());
		return answer(problem, new HttpHeaders(), HttpStatus.NOT_FOUND, request);
	}

	@ExceptionHandler
	ResponseEntity<Object> endpointsNotFound(EndpointsNotFoundException ex, WebRequest request) {
		ProblemDetail problem = ApiProblems.problem(HttpStatus.NOT_FOUND, ApiProblems.ENDPOINT_NOT_FOUND,
				"Endpoints not found", ex.getMessage() + "; nothing was changed.");
		problem.setProperty("ids", ex.getEndpointIds());
		problem.setProperty(ApiProblems.ERRORS, List.of(new InvalidField("ids", "not registered: "
				+ ex.getEndpointIds().stream().map(String::valueOf).collect(Collectors.joining(", ")))));
		return answer(problem, new HttpHeaders(), HttpStatus.NOT_FOUND, request);
	}

	@ExceptionHandler
	ResponseEntity<Object> scanRateLimited(ScanRateLimitedException ex, WebRequest request) {
		ProblemDetail problem = ApiProblems.problem(HttpStatus.TOO_MANY_REQUESTS, ApiProblems.SCAN_RATE_LIMITED,
				"Too many scans requested", ex.getMessage());
		problem.setProperty("retryAfterSeconds", ex.getRetryAfterSeconds());
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.RETRY_AFTER, Long.toString(ex.getRetryAfterSeconds()));
		return answer(problem, headers, HttpStatus.TOO_MANY_REQUESTS, request);
	}

	@ExceptionHandler
	ResponseEntity<Object> invalidDiscoveryTarget(InvalidDiscoveryTargetException ex, WebRequest request) {
		ProblemDetail problem = ApiProblems.problem(HttpStatus.UNPROCESSABLE_CONTENT,
				ApiProblems.INVALID_DISCOVERY_TARGET, "Host cannot be discovered", "'host' " + ex.getMessage() + ".");
		problem.setProperty(ApiProblems.ERRORS, List.of(new InvalidField("host", ex.getMessage())));
		return answer(problem, new HttpHeaders(), HttpStatus.UNPROCESSABLE_CONTENT, request);
	}

	@ExceptionHandler
	ResponseEntity<Object> invalidAddress(InvalidAddressException ex, WebRequest request) {
		ProblemDetail problem = ApiProblems.problem(HttpStatus.UNPROCESSABLE_CONTENT, ApiProblems.INVALID_MAIL_ADDRESS,
				"Invalid mail address", "'" + ex.getField() + "' is not one mail address; nothing was sent.");
		problem.setProperty(ApiProblems.ERRORS,
				List.of(new InvalidField(ex.getField(), "must be one mail address such as ops@example.com")));
		return answer(problem, new HttpHeaders(), HttpStatus.UNPROCESSABLE_CONTENT, request);
	}

	@ExceptionHandler
	ResponseEntity<Object> alertNotFound(AlertNotFoundException ex, WebRequest request) {
		ProblemDetail problem = ApiProblems.problem(HttpStatus.NOT_FOUND, ApiProblems.ALERT_NOT_FOUND,
				"Alert not found", ex.getMessage() + ".");
		problem.setProperty("alertId", ex.getAlertId());
		return answer(problem, new HttpHeaders(), HttpStatus.NOT_FOUND, request);
	}

	@ExceptionHandler
	ResponseEntity<Object> alertResolved(AlertResolvedException ex, WebRequest request) {
		ProblemDetail problem = ApiProblems.problem(HttpStatus.CONFLICT, ApiProblems.ALERT_RESOLVED, "Alert resolved",
				ex.getMessage() + "; only open or acknowledged alerts can be acknowledged or muted.");
		problem.setProperty("alertId", ex.getAlertId());
		return answer(problem, new HttpHeaders(), HttpStatus.CONFLICT, request);
	}

	@ExceptionHandler
	ResponseEntity<Object> invalidAlertInput(InvalidAlertInputException ex, WebRequest request) {
		List<InvalidField> errors = ex.getViolations()
			.stream()
			.map((violation) -> new InvalidField(violation.field(), violation.message()))
			.toList();
		ProblemDetail problem = ApiProblems.problem(HttpStatus.UNPROCESSABLE_CONTENT, ApiProblems.INVALID_ALERT_INPUT,
				"Invalid alert input", "The request has " + errors.size() + " invalid field"
						+ ((errors.size() != 1) ? "s" : "") + "; nothing was stored.");
		problem.setProperty(ApiProblems.ERRORS, errors);
		return answer(problem, new HttpHeaders(), HttpStatus.UNPROCESSABLE_CONTENT, request);
	}

	@ExceptionHandler
	ResponseEntity<Object> concurrentUpdate(OptimisticLockingFailureException ex, WebRequest request) {
		ProblemDetail problem = ApiProblems.problem(HttpStatus.CONFLICT, ApiProblems.CONCURRENT_UPDATE,
				"Concurrent update",
				"The resource was changed by another request at the same time; read it and retry.");
		return answer(problem, new HttpHeaders(), HttpStatus.CONFLICT, request);
	}

	/** Every problem names the request it answers. */
	private static ResponseEntity<Object> answer(ProblemDetail problem, HttpHeaders headers, HttpStatusCode status,
			WebRequest request) {
		if (problem.getInstance() == null && request instanceof ServletWebRequest servlet) {
			problem.setInstance(URI.create(servlet.getRequest().getRequestURI()));
		}
		return ResponseEntity.status(status)
			.headers(headers)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem);
	}

}
