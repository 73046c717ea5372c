package dev.tlswatch.problem;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;

/**
 * Anything a REST controller did not expect: logged with its stack trace, answered with a
 * {@code 500} problem that tells nothing of the cause. Asked last, after the modules'
 * advice and {@link RequestProblemsAdvice}; page controllers are left to the HTML error
 * pages.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class UnexpectedProblemsAdvice {

	private static final Logger logger = LoggerFactory.getLogger(UnexpectedProblemsAdvice.class);

	/**
	 * The problem for an unexpected exception. Spring Security's exceptions go on to its
	 * filters, which answer {@code 401}/{@code 403} (rethrown, they leave this advice
	 * unresolved).
	 */
	@ExceptionHandler
	ResponseEntity<ProblemDetail> unexpected(Exception ex, WebRequest request) throws Exception {
		if (ex instanceof AccessDeniedException || ex instanceof AuthenticationException) {
			throw ex;
		}
		logger.error("Unexpected error answering " + request.getDescription(false), ex);
		ProblemDetail problem = ProblemTypes.problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
				"Internal error", "An unexpected error occurred; it has been logged.");
		RequestProblemsAdvice.complete(problem, request);
		return ResponseEntity.internalServerError().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

}
