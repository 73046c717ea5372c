package dev.tlswatch.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import dev.tlswatch.account.LoginThrottledException;
import dev.tlswatch.problem.ProblemTypes;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;

/**
 * RFC 9457 answers of the security filters for API clients: {@code 401} without valid
 * credentials, {@code 429} with {@code Retry-After} while the sign-in throttle refuses
 * the username or address, {@code 403} for a role too low or a session change without its
 * CSRF token (each saying which); never a redirect to the login page.
 */
final class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

	private static final String BASE = ProblemTypes.BASE;

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException authException) throws IOException {
		if (authException instanceof LoginThrottledException throttled) {
			long seconds = Math.max(1, (throttled.getRetryAfter().toMillis() + 999) / 1000);
			response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
			write(request, response, 429, "login-throttled", "Too many failed sign-ins",
					"Too many failed sign-ins for this username or from this address; try again in " + seconds
							+ " seconds.");
			return;
		}
		// Bearer only: a Basic challenge would make browsers ask for, and then resend, a
		// password on their own, which would let other sites post to the API.
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"tlswatch\"");
		write(request, response, HttpServletResponse.SC_UNAUTHORIZED, "unauthorized", "Unauthorized",
				"Send a valid API token as 'Authorization: Bearer <token>' or a username and password with HTTP Basic.");
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response,
			AccessDeniedException accessDeniedException) throws IOException {
		if (accessDeniedException instanceof CsrfException) {
			write(request, response, HttpServletResponse.SC_FORBIDDEN, "csrf", "CSRF token missing or invalid",
					"This change was sent with the dashboard session but without its valid CSRF token: send the "
							+ "X-CSRF-TOKEN header (GET /api/v1/session/csrf gives it; Swagger UI sends it), "
							+ "or authenticate with an API token (Bearer) or HTTP Basic instead.");
			return;
		}
		write(request, response, HttpServletResponse.SC_FORBIDDEN, "forbidden", "Forbidden",
				"Your role does not allow this request.");
	}

	private static void write(HttpServletRequest request, HttpServletResponse response, int status, String type,
			String title, String detail) throws IOException {
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		String body = "{\"type\":\"" + BASE + type + "\",\"title\":\"" + title + "\",\"status\":" + status
				+ ",\"detail\":\"" + detail + "\",\"instance\":\"" + json(request.getRequestURI()) + "\"}";
		response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
	}

	/** The request path is client input: escape it for a JSON string. */
	static String json(String text) {
		StringBuilder escaped = new StringBuilder(text.length());
		for (char c : text.toCharArray()) {
			if (c == '"' || c == '\\') {
				escaped.append('\\').append(c);
			}
			else if (c < 0x20 || c == '<' || c == '>' || c == '&') {
				escaped.append(String.format("\\u%04x", (int) c));
			}
			else {
				escaped.append(c);
			}
		}
		return escaped.toString();
	}

}
