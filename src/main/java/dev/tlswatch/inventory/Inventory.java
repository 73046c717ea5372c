package dev.tlswatch.inventory;

import java.util.List;

import dev.tlswatch.endpoint.EndpointDetails;

/**
 * The inventory module's API: check and import rows of a file, export the inventory.
 */
public interface Inventory {

	/**
	 * Check every row as registering would, without storing anything: values, the
	 * registry's validation, duplicates within the rows and against the registry.
	 * @param rows the rows of a file
	 * @return the rows with their errors
	 */
	ImportPreview preview(List<ImportRow> rows);

	/**
	 * Register every row in one transaction, or none.
	 * @param rows the rows of a file
	 * @return the stored endpoints, in row order
	 * @throws InvalidImportException listing every error if a row is invalid
	 */
	List<EndpointDetails> importAll(List<ImportRow> rows);

	/**
	 * Every endpoint with its latest scan's headline, ordered by host and port.
	 * @return the export rows
	 */
	List<ExportRow> export();

}
