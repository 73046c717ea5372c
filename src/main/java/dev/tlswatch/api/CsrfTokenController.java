package dev.tlswatch.api;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The dashboard session's CSRF token, for scripts that run in a signed-in browser
 * (Swagger UI): a change sent with the session cookie must carry it. Callers with an API
 * token or HTTP Basic need none.
 */
@RestController
@Tag(name = "Session")
class CsrfTokenController {

	@GetMapping("/api/v1/session/csrf")
	@Operation(summary = "The session's CSRF token",
			description = "For browser scripts that call the API with the dashboard session: send the token in the "
					+ "header named by headerName with every POST, PUT, PATCH and DELETE. 409 without a session.")
	CsrfTokenResponse csrf(HttpServletRequest request) {
		CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
		if (request.getSession(false) == null || token == null) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
					"There is no dashboard session: requests with an API token or HTTP Basic need no CSRF token.");
			problem.setTitle("No session");
			throw new ErrorResponseException(HttpStatus.CONFLICT, problem, null);
		}
		return new CsrfTokenResponse(token.getHeaderName(), token.getParameterName(), token.getToken());
	}

	/**
	 * A CSRF token and where to send it.
	 *
	 * @param headerName the request header that carries it
	 * @param parameterName the form parameter that carries it instead
	 * @param token the token
	 */
	record CsrfTokenResponse(String headerName, String parameterName, String token) {
	}

}
