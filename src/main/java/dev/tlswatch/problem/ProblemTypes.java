package dev.tlswatch.problem;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * The one base of every problem type URI ({@code https://tlswatch.dev/problems/<slug>}),
 * and the problems every module builds alike. Each type names one kind of problem;
 * clients can switch on it, humans read the title.
 */
public final class ProblemTypes {

	/** Every problem type URI starts with this. */
	public static final String BASE = "https://tlswatch.dev/problems/";

	/** The media type of every problem answer. */
	public static final String MEDIA_TYPE = "application/problem+json";

	/** The property that lists {@link InvalidField}s. */
	public static final String ERRORS = "errors";

	/** Malformed or unusable input, with the fields at fault in {@link #ERRORS}. */
	public static final URI INVALID_REQUEST = type("invalid-request");

	private ProblemTypes() {
	}

	/**
	 * The type URI of a kind of problem.
	 * @param slug lower-case words joined by {@code -}, such as
	 * {@code endpoint-not-found}
	 * @return the URI
	 */
	public static URI type(String slug) {
		return URI.create(BASE + slug);
	}

	/**
	 * The type URI for a status that has no more specific kind, such as
	 * {@code unsupported-media-type} for 415.
	 * @param status the status
	 * @return the URI
	 */
	public static URI typeOf(HttpStatusCode status) {
		HttpStatus known = HttpStatus.resolve(status.value());
		return type(
				(known != null) ? known.name().toLowerCase(Locale.ROOT).replace('_', '-') : "status-" + status.value());
	}

	/**
	 * A problem of a kind.
	 * @param status the status
	 * @param slug the kind, see {@link #type(String)}
	 * @param title a short summary of the kind
	 * @param detail what happened this time
	 * @return the problem
	 */
	public static ProblemDetail problem(HttpStatusCode status, String slug, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(type(slug));
		problem.setTitle(title);
		return problem;
	}

	/**
	 * An invalid request naming its fields.
	 * @param status 400 for malformed input, 422 for well-formed but unusable values
	 * @param detail what is wrong, for a user
	 * @param errors the fields at fault
	 * @return the problem, of type {@link #INVALID_REQUEST}
	 */
	public static ProblemDetail invalidRequest(HttpStatusCode status, String detail, List<InvalidField> errors) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(INVALID_REQUEST);
		problem.setTitle("Invalid request");
		problem.setProperty(ERRORS, List.copyOf(errors));
		return problem;
	}

}
