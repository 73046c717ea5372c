package dev.tlswatch.problem;

import java.net.URI;
import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.TypeMismatchException;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Malformed requests, application-wide: Spring MVC's own exceptions (unreadable JSON,
 * wrong parameter types, missing parameters, no route, wrong method, unsupported media
 * type, {@code ErrorResponseException}s a controller throws) as RFC 9457 problems that
 * name the field at fault and the real cause. Every problem gets a type under
 * {@link ProblemTypes#BASE} (by status when nothing more specific applies) and the
 * request path as {@code instance}.
 * <p>
 * This is the one handler of these exceptions: the modules' own advice maps only their
 * domain exceptions, and is ordered before this one. It replaces the handler Boot adds
 * for {@code spring.mvc.problemdetails.enabled} (which backs off as soon as any
 * {@link ResponseEntityExceptionHandler} exists); HTML page requests get their error
 * pages before this handler is asked (see the web module's {@code HtmlErrorPages}).
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE - 1)
class RequestProblemsAdvice extends ResponseEntityExceptionHandler {

	@Override
	protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail problem = JsonBodyErrors.problemFor(ex);
		return handleExceptionInternal(ex, problem, headers, HttpStatusCode.valueOf(problem.getStatus()), request);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		String field = (ex instanceof MethodArgumentTypeMismatchException argument) ? argument.getName()
				: String.valueOf(ex.getPropertyName());
		Class<?> type = ex.getRequiredType();
		String message = "must be " + ((type != null) ? describe(type) : "of another type");
		return handleExceptionInternal(ex, ProblemTypes.invalidRequest(status, "Invalid value for '" + field + "'.",
				List.of(new InvalidField(field, message))), headers, status, request);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleMissingServletRequestParameter(
			MissingServletRequestParameterException ex, HttpHeaders headers, HttpStatusCode status,
			WebRequest request) {
		return handleExceptionInternal(ex,
				ProblemTypes.invalidRequest(status, "Required parameter '" + ex.getParameterName() + "' is missing.",
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
		return handleExceptionInternal(ex, ProblemTypes.invalidRequest(status, "Invalid request parameters.", errors),
				headers, status, request);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<InvalidField> errors = ex.getFieldErrors()
			.stream()
			.map((error) -> new InvalidField(error.getField(), String.valueOf(error.getDefaultMessage())))
			.toList();
		return handleExceptionInternal(ex, ProblemTypes.invalidRequest(status, "Invalid request body.", errors),
				headers, status, request);
	}

	/** Every problem has a type of ours and names the request it answers. */
	@Override
	protected @Nullable ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body,
			HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
		ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
		if (response != null && response.getBody() instanceof ProblemDetail problem) {
			complete(problem, request);
		}
		return response;
	}

	/**
	 * Give a problem the type of its status when it has none, and the request path as its
	 * instance.
	 * @param problem the problem
	 * @param request the request it answers
	 */
	static void complete(ProblemDetail problem, WebRequest request) {
		if (problem.getType() == null || "about:blank".equals(problem.getType().toString())) {
			problem.setType(ProblemTypes.typeOf(HttpStatusCode.valueOf(problem.getStatus())));
		}
		if (problem.getInstance() == null && request instanceof ServletWebRequest servlet) {
			problem.setInstance(URI.create(servlet.getRequest().getRequestURI()));
		}
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
