package dev.tlswatch.problem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.autoconfigure.web.ErrorProperties;
import org.springframework.boot.webmvc.autoconfigure.error.BasicErrorController;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The servlet container's error page ({@code /error}) for everything but browsers: an
 * error no controller advice saw (thrown by a filter, or sent with
 * {@code response.sendError}) is an RFC 9457 problem too, never Boot's
 * {@code {"timestamp",...}} body. Browsers still get the HTML error pages.
 */
class ProblemErrorController extends BasicErrorController {

	ProblemErrorController(ErrorAttributes errorAttributes, ErrorProperties properties,
			List<ErrorViewResolver> resolvers) {
		super(errorAttributes, properties, resolvers);
	}

	@Override
	public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
		HttpStatus status = getStatus(request);
		if (status == HttpStatus.NO_CONTENT) {
			return new ResponseEntity<>(status);
		}
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", ProblemTypes.typeOf(status).toString());
		problem.put("title", status.getReasonPhrase());
		problem.put("status", status.value());
		problem.put("detail", status.is5xxServerError() ? "An unexpected error occurred; it has been logged."
				: "The request could not be answered: " + status.getReasonPhrase() + ".");
		Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		if (path instanceof String uri) {
			problem.put("instance", uri);
		}
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

}
