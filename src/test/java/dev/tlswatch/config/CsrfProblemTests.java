package dev.tlswatch.config;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.csrf.MissingCsrfTokenException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@code 403} says whether the role or the CSRF token was at fault.
 */
class CsrfProblemTests {

	private final ProblemResponses problems = new ProblemResponses();

	@Test
	void missingCsrfTokenIsNamed() throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();

		this.problems.handle(new MockHttpServletRequest("POST", "/api/v1/endpoints"), response,
				new MissingCsrfTokenException(null));

		assertThat(response.getStatus()).isEqualTo(403);
		assertThat(response.getContentType()).isEqualTo("application/problem+json");
		assertThat(response.getContentAsString())
			.contains("\"title\":\"CSRF token missing or invalid\"", "X-CSRF-TOKEN", "/api/v1/session/csrf",
					"problems/csrf")
			.doesNotContain("role");
	}

	@Test
	void roleTooLowStaysARoleProblem() throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();

		this.problems.handle(new MockHttpServletRequest("DELETE", "/api/v1/users/2"), response,
				new AccessDeniedException("Access Denied"));

		assertThat(response.getStatus()).isEqualTo(403);
		assertThat(response.getContentAsString()).contains("Your role does not allow this request.")
			.doesNotContain("CSRF");
	}

}
