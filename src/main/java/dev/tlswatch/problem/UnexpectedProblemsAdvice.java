package dev.tlswatch.problem;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
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

	@ExceptionHandler
	ResponseEntity<ProblemDetail> unexpected(Exception ex, WebRequest request) {
		logger.error("Unexpected error answering " + request.getDescription(false), ex);
		ProblemDetail problem = ProblemTypes.problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
				"Internal error", "An unexpected error occurred; it has been logged.");
		RequestProblemsAdvice.complete(problem, request);
		return ResponseEntity.internalServerError().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

}
