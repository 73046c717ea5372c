package dev.tlswatch.account;

import java.util.List;
import java.util.Map;

import dev.tlswatch.problem.ProblemTypes;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * RFC 9457 problem details for the users and tokens API: {@code 422} naming the field,
 * {@code 409} for conflicts, {@code 404} for unknown ids. Malformed requests and
 * unexpected errors are answered by the {@code problem} module's advice.
 */
@RestControllerAdvice(assignableTypes = { TokenApiController.class, UserApiController.class })
class AccountApiAdvice {

	@ExceptionHandler
	ProblemDetail invalid(InvalidAccountException ex) {
		ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-account", "Invalid request",
				"The field '" + ex.getField() + "' is invalid; nothing was stored.");
		problem.setProperty("errors", List.of(Map.of("field", ex.getField(), "message", ex.getMessage())));
		return problem;
	}

	@ExceptionHandler
	ProblemDetail conflict(AccountConflictException ex) {
		return problem(HttpStatus.CONFLICT, "account-conflict", "Conflict", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail notFound(AccountNotFoundException ex) {
		return problem(HttpStatus.NOT_FOUND, "account-not-found", "Not found", ex.getMessage());
	}

	private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
		return ProblemTypes.problem(status, type, title, detail);
	}

}
