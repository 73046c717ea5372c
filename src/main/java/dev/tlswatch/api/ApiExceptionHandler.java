package dev.tlswatch.api;

import java.net.URI;
import java.util.Arrays;
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
import org.jspecify.annotations.Nullable;

import org.springframework.beans.TypeMismatchException;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every error of the API's controllers into an RFC 9457 problem
 * ({@code application/problem+json}): domain exceptions into 404/409/422/429, malformed
 * requests into 400 naming the field, anything unexpected into a logged 500. Scoped to
 * this package, so the HTML pages keep their own error handling; ordered first so that no
 * application-wide advice answers for the API.
 */
@RestControllerAdvice(basePackageClasses = ApiExceptionHandler.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	@ExceptionHandler
	@Nullable ResponseEntity<Object> invalidEndpoint(InvalidEndpointException ex, WebRequest request) {
		List<InvalidField> errors = ex.getViolations()
			.stream()
			.map((violation) -> new InvalidField(violation.field(), violation.message()))
			.toList();
		ProblemDetail problem = ApiProblems.problem(HttpStatus.UNPROCESSABLE_CONTENT, ApiProblems.INVALID_ENDPOINT,
				"Invalid endpoint", "The endpoint has " + errors.size() + " invalid field"
						+ ((errors.size() != 1) ? "s" : "") + "; nothing was stored.");
		problem.setProperty(ApiProblems.ERRORS, errors);
		return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.UNPROCESSABLE_CONTENT, request);
	}

	@ExceptionHandler
	@Nullable ResponseEntity<Object> invalidImport(InvalidImportException ex, WebRequest request) {
		List<InvalidField> errors = ex.getErrors()
			.stream()
			.map((error) -> new InvalidField(error.path(), error.message()))
			.toList();
		long rows = ex.getErrors().stream().map((error) -> error.index()).distinct().count();
		ProblemDetail problem = ApiProblems.problem(HttpStatus.UNPROCESSABLE_CONTENT, ApiProblems.INVALID_IMPORT,
				"Invalid import", rows + " row" + ((rows != 1) ? "s are" : " is") + " invalid; nothing was stored.");
		problem.setProperty(ApiProblems.ERRORS, errors);
		return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.UNPROCESSABLE_CONTENT, request);
	}

	@ExceptionHandler
	@Nullable ResponseEntity<Object> invalidImportFile(InventoryFormatException ex, WebRequest request) {
		ProblemDetail problem = ApiProblems.problem(HttpStatus.BAD_REQUEST, ApiProblems.INVALID_IMPORT_FILE,
				"Unreadable import file", ex.getMessage() + " Nothing was stored.");
		problem.setProperty(ApiProblems.ERRORS, List.of(new InvalidField("body", ex.getMessage())));
		return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
	}

	@ExceptionHandler
	@Nullable ResponseEntity<Object> duplicateEndpoint(DuplicateEndpointException ex, WebRequest request) {
		ProblemDetail problem = ApiProblems.problem(HttpStatus.CONFLICT, ApiProblems.DUPLICATE_ENDPOINT,
				"Endpoint already registered", ex.getMessage() + ".");
		String message = "host, port and sniName are already registered as endpoint " + ex.getExistingId();
		problem.setProperty(ApiProblems.ERRORS, List.of(new InvalidField("host", message),
				new InvalidField("port", message), new InvalidField("sniName", message)));
		problem.setProperty("existingId", ex.getExistingId());
		problem.setProperty("existing", EndpointController.PATH + "/" + ex.getExistingId());
		return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.CONFLICT, request);
	}

	@ExceptionHandler
	@Nullable ResponseEntity<Object> endpointNotFound(EndpointNotFoundException ex, WebRequest request) {
		ProblemDetail problem = ApiProblems.problem(HttpStatus.NOT_FOUND, ApiProblems.ENDPOINT_NOT_FOUND,
				"Endpoint not found", ex.getMessage() + ".");
		problem.setProperty("endpointId", ex.getEndpointId());
		return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.NOT_FOUND, request);
	}

	@ExceptionHandler
	@Nullable ResponseEntity<Object> endpointsNotFound(EndpointsNotFoundException ex, WebRequest request) {
		ProblemDetail problem = ApiProblems.problem(HttpStatus.NOT_FOUND, ApiProblems.ENDPOINT_NOT_FOUND,
				"Endpoints not found", ex.getMessage() + "; nothing was changed.");
		problem.setProperty("ids", ex.getEndpointIds());
		problem.setProperty(ApiProblems.ERRORS, List.of(new InvalidField("ids", "not registered: "
				+ ex.getEndpointIds().stream().map(String::valueOf).collect(Collectors.joining(", ")))));
		return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.NOT_FOUND, request);
	}

	@ExceptionHandler
	@Nullable ResponseEntity<Object> scanRateLimited(ScanRateLimitedException ex, WebRequest request) {
		ProblemDetail problem = ApiProblems.problem(HttpStatus.TOO_MANY_REQUESTS, ApiProblems.SCAN_RATE_LIMITED,
				"Too many scans requested", ex.getMessage());
		problem.setProperty("retryAfterSeconds", ex.getRetryAfterSeconds());
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.RETRY_AFTER, Long.toString(ex.getRetryAfterSeconds()));
		return handleExceptionInternal(ex, problem, headers, HttpStatus.TOO_MANY_REQUESTS, request);
	}

	@ExceptionHandler
	@Nullable ResponseEntity<Object> invalidDiscoveryTarget(InvalidDiscoveryTargetException ex, WebRequest request) {
		ProblemDetail problem = ApiProblems.problem(HttpStatus.UNPROCESSABLE_CONTENT,
				ApiProblems.INVALID_DISCOVERY_TARGET, "Host cannot be discovered", "'host' " + ex.getMessage() + ".");
		problem.setProperty(ApiProblems.ERRORS, List.of(new InvalidField("host", ex.getMessage())));
		return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.UNPROCESSABLE_CONTENT, request);
	}

	@ExceptionHandler
	@Nullable ResponseEntity<Object> invalidAddress(InvalidAddressException ex, WebRequest request) {
		ProblemDetail problem = ApiProblems.problem(HttpStatus.UNPROCESSABLE_CONTENT, ApiProblems.INVALID_MAIL_ADDRESS,
				"Invalid mail address", "'" + ex.getField() + "' is not one mail address; nothing was sent.");
		problem.setProperty(ApiProblems.ERRORS,
				List.of(new InvalidField(ex.getField(), "must be one mail address such as ops@example.com")));
		return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.UNPROCESSABLE_CONTENT, request);
	}

	@ExceptionHandler
	@Nullable ResponseEntity<Object> alertNotFound(AlertNotFoundException ex, WebRequest request) {
		ProblemDetail problem = ApiProblems.problem(HttpStatus.NOT_FOUND, ApiProblems.ALERT_NOT_FOUND,
				"Alert not found", ex.getMessage() + ".");
		problem.setProperty("alertId", ex.getAlertId());
		return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.NOT_FOUND, request);
	}

	@ExceptionHandler
	@Nullable ResponseEntity<Object> alertResolved(AlertResolvedException ex, WebRequest request) {
		ProblemDetail problem = ApiProblems.problem(HttpStatus.CONFLICT, ApiProblems.ALERT_RESOLVED, "Alert resolved",
				ex.getMessage() + "; only open or acknowledged alerts can be acknowledged or muted.");
		problem.setProperty("alertId", ex.getAlertId());
		return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.CONFLICT, request);
	}

	@ExceptionHandler
	@Nullable ResponseEntity<Object> invalidAlertInput(InvalidAlertInputException ex, WebRequest request) {
		List<InvalidField> errors = ex.getViolations()
			.stream()
			.map((violation) -> new InvalidField(violation.field(), violation.message()))
			.toList();
		ProblemDetail problem = ApiProblems.problem(HttpStatus.UNPROCESSABLE_CONTENT, ApiProblems.INVALID_ALERT_INPUT,
				"Invalid alert input", "The request has " + errors.size() + " invalid field"
						+ ((errors.size() != 1) ? "s" : "") + "; nothing was stored.");
		problem.setProperty(ApiProblems.ERRORS, errors);
		return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.UNPROCESSABLE_CONTENT, request);
	}

	@ExceptionHandler
	@Nullable ResponseEntity<Object> concurrentUpdate(OptimisticLockingFailureException ex, WebRequest request) {
		ProblemDetail problem = ApiProblems.problem(HttpStatus.CONFLICT, ApiProblems.CONCURRENT_UPDATE,
				"Concurrent update",
				"The resource was changed by another request at the same time; read it and retry.");
		return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.CONFLICT, request);
	}

	@ExceptionHandler
	@Nullable ResponseEntity<Object> unexpected(Exception ex, WebRequest request) {
		this.logger.error("Unexpected error answering " + request.getDescription(false), ex);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
				"An unexpected error occurred; it has been logged.");
		return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, request);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return handleExceptionInternal(ex, JsonBodyErrors.problemFor(ex), headers, status, request);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		String field = (ex instanceof MethodArgumentTypeMismatchException argument) ? argument.getName()
				: String.valueOf(ex.getPropertyName());
		Class<?> type = ex.getRequiredType();
		String message = "must be " + ((type != null) ? describe(type) : "of another type");
		return handleExceptionInternal(ex, ApiProblems.invalidRequest("Invalid value for '" + field + "'.",
				List.of(new InvalidField(field, message))), headers, status, request);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleMissingServletRequestParameter(
			MissingServletRequestParameterException ex, HttpHeaders headers, HttpStatusCode status,
			WebRequest request) {
		return handleExceptionInternal(ex,
				ApiProblems.invalidRequest("Required parameter '" + ex.getParameterName() + "' is missing.",
						List.of(new InvalidField(ex.getParameterName(), "is required"))),
				headers, status, request);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
			HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<InvalidField> errors = ex.getParameterValidationResults()
			.stream()
			.flatMap((result) -> result.getResolvableErrors()
				.stream()
				.map((error) -> new InvalidField(parameterName(result.getMethodParameter()),
						String.valueOf(error.getDefaultMessage()))))
			.toList();
		return handleExceptionInternal(ex, ApiProblems.invalidRequest("Invalid request parameters.", errors), headers,
				status, request);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<InvalidField> errors = ex.getFieldErrors()
			.stream()
			.map((error) -> new InvalidField(error.getField(), String.valueOf(error.getDefaultMessage())))
			.toList();
		return handleExceptionInternal(ex, ApiProblems.invalidRequest("Invalid request body.", errors), headers, status,
				request);
	}

	/** Every problem names the request it answers. */
	@Override
	protected @Nullable ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body,
			HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
		ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
		if (response != null && response.getBody() instanceof ProblemDetail problem && problem.getInstance() == null
				&& request instanceof ServletWebRequest servlet) {
			problem.setInstance(URI.create(servlet.getRequest().getRequestURI()));
		}
		return response;
	}

	private static String parameterName(MethodParameter parameter) {
		RequestParam requestParam = parameter.getParameterAnnotation(RequestParam.class);
		if (requestParam != null && !requestParam.name().isEmpty()) {
			return requestParam.name();
		}
		return String.valueOf(parameter.getParameterName());
	}

	private static String describe(Class<?> type) {
		if (type == long.class || type == Long.class || type == int.class || type == Integer.class) {
			return "a whole number";
		}
		if (type == boolean.class || type == Boolean.class) {
			return "true or false";
		}
		if (type.isEnum()) {
			return "one of " + Arrays.toString(type.getEnumConstants());
		}
		return "a valid " + type.getSimpleName();
	}

}
