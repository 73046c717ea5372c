package dev.tlswatch.inventory;

/**
 * One invalid value of an import row.
 *
 * @param index the row's zero-based position
 * @param field the column ({@code host}, {@code port}, {@code tlsMode}, {@code sniName},
 * {@code tags}, {@code interval})
 * @param message what is wrong, for a user
 */
public record RowError(int index, String field, String message) {

	/** The field as the API names it: {@code rows[3].port}. */
	public String path() {
		return "rows[" + this.index + "]." + this.field;
	}

}
