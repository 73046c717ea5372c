package dev.tlswatch.problem;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;

/**
 * Explains why a JSON request body could not be read, naming the field from the path
 * Jackson 3 records in every {@link JacksonException}.
 */
final class JsonBodyErrors {

	private JsonBodyErrors() {
	}

	/**
	 * The problem for an unreadable body.
	 * @param ex what Spring MVC reported
	 * @return a 400 problem with an {@code errors} entry where a field is at fault; a 422
	 * for a fractional number where a whole one is expected (a valid number, but not one
	 * that may be cut)
	 */
	static ProblemDetail problemFor(HttpMessageNotReadableException ex) {
		JacksonException jackson = jacksonCause(ex);
		if (jackson == null) {
			return invalid("The request body is missing or unreadable.", List.of());
		}
		if (jackson instanceof StreamConstraintsException limit) {
			return invalid("The request body exceeds a limit of the JSON reader: " + limit.getOriginalMessage(),
					List.of(new InvalidField("body", "exceeds a limit: " + limit.getOriginalMessage())));
		}
		String field = path(jackson);
		if (jackson instanceof StreamReadException && !(jackson instanceof InputCoercionException)) {
			return invalid("The request body is not valid JSON" + at(jackson.getLocation()) + ".", List.of());
		}
		if (field.isEmpty()) {
			return invalid("The request body must be a JSON object.", List.of());
		}
		InvalidField error = new InvalidField(field, message(jackson));
		String detail = "The request body has an invalid value for '" + field + "'.";
		if (fractionalForWholeNumber(jackson)) {
			return ProblemTypes.invalidRequest(HttpStatus.UNPROCESSABLE_CONTENT, detail + " Nothing was stored.",
					List.of(error));
		}
		return invalid(detail, List.of(error));
	}

	private static ProblemDetail invalid(String detail, List<InvalidField> errors) {
		return ProblemTypes.invalidRequest(HttpStatus.BAD_REQUEST, detail, errors);
	}

	/** {@code 1.5} or {@code 1e3} for an {@code int} or {@code long}. */
	private static boolean fractionalForWholeNumber(JacksonException ex) {
		return ex instanceof InvalidFormatException format && wholeNumber(format.getTargetType())
				&& format.getValue() instanceof Number number
				&& !(number instanceof Integer || number instanceof Long || number instanceof java.math.BigInteger);
	}

	private static boolean wholeNumber(@Nullable Class<?> type) {
		return type == Integer.class || type == int.class || type == Long.class || type == long.class
				|| type == Short.class || type == short.class;
	}

	private static String message(JacksonException ex) {
		return switch (ex) {
			case UnrecognizedPropertyException unknown -> "is not a known property";
			case InputCoercionException outOfRange -> "is out of range";
			case MismatchedInputException mismatch -> mustBe(mismatch.getTargetType());
			default -> "is invalid";
		};
	}

	private static String mustBe(@Nullable Class<?> type) {
		if (type == null) {
			return "has the wrong type";
		}
		if (type.isEnum()) {
			return "must be one of " + Arrays.toString(type.getEnumConstants());
		}
		if (wholeNumber(type)) {
			return "must be a whole number";
		}
		if (type == Boolean.class || type == boolean.class) {
			return "must be true or false";
		}
		if (type == String.class) {
			return "must be a string";
		}
		if (Collection.class.isAssignableFrom(type) || type.isArray()) {
			return "must be an array";
		}
		return "must be an object";
	}

	/** Jackson's path as a field expression: {@code tags[2]}, {@code host}. */
	private static String path(JacksonException ex) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.toString();
	}

	private static String at(@Nullable TokenStreamLocation location) {
		if (location == null || location.getLineNr() < 0) {
			return "";
		}
		return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
	}

	private static @Nullable JacksonException jacksonCause(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof JacksonException jackson) {
				return jackson;
			}
		}
		return null;
	}

}
