package dev.tlswatch.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * While {@link DatabaseWatch} sees the database down, every request but health checks and
 * static files gets a {@code 503} problem detail at once, before security (which needs
 * the database to know users and tokens) and before any wait for a pooled connection.
 */
class DatabaseDownFilter extends OncePerRequestFilter {

	/** Before Spring Security's filter chain (order -100). */
	static final int ORDER = -200;

	static final String RETRY_AFTER_SECONDS = "5";

	private final DatabaseWatch watch;

	DatabaseDownFilter(DatabaseWatch watch) {
		this.watch = watch;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.startsWith("/actuator/health") || path.startsWith("/css/") || path.startsWith("/js/")
				|| path.startsWith("/img/") || path.startsWith("/webjars/") || path.equals("/favicon.ico");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (this.watch.down()) {
			write(request, response);
			return;
		}
		try {
			chain.doFilter(request, response);
		}
		catch (RuntimeException | ServletException ex) {
			// The database went away before the watch noticed, somewhere a controller
			// advice cannot see (security's token and user look-ups).
			if (response.isCommitted() || !lostConnection(ex)) {
				throw ex;
			}
			response.resetBuffer();
			write(request, response);
		}
	}

	/**
	 * Whether a failure comes from a connection to the database that could not be had or
	 * broke: SQL state class 08 (connection exception) or the pool's timeout.
	 */
	static boolean lostConnection(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLTransientConnectionException) {
				return true;
			}
			if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
				return true;
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return false;
	}

	static void write(HttpServletRequest request, HttpServletResponse response) throws IOException {
		response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
		response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		String body = "{\"type\":\"https://tlswatch.dev/problems/database-unavailable\","
				+ "\"title\":\"Database unavailable\",\"status\":503,"
				+ "\"detail\":\"The database does not answer; TLSWatch recovers on its own when it is back.\","
				+ "\"instance\":\"" + ProblemResponses.json(request.getRequestURI()) + "\"}";
		response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
	}

}
