package dev.tlswatch.problem;

/**
 * One invalid part of a request, as listed in a problem's {@code errors} property.
 *
 * @param field the JSON property ({@code host}, {@code tags[2]}) or request parameter
 * ({@code size}) at fault
 * @param message what is wrong, for a user
 */
public record InvalidField(String field, String message) {
}
