package dev.tlswatch.inventory;

import java.util.List;

/**
 * What an import would do: every row, and every error found in it.
 *
 * @param rows the rows, in file order
 * @param errors the errors of all rows, in row order
 */
public record ImportPreview(List<ImportRow> rows, List<RowError> errors) {

	public ImportPreview {
		rows = List.copyOf(rows);
		errors = List.copyOf(errors);
	}

	/** Whether every row is valid and there is at least one. */
	public boolean importable() {
		return this.errors.isEmpty() && !this.rows.isEmpty();
	}

	/**
	 * The errors of one row.
	 * @param index the row's zero-based position
	 * @return its errors, empty if it is valid
	 */
	public List<RowError> errorsOf(int index) {
		return this.errors.stream().filter((error) -> error.index() == index).toList();
	}

}
