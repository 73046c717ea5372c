package dev.tlswatch.inventory;

/**
 * An import file cannot be read as rows at all: too large, not UTF-8, no header, broken
 * quoting, not a JSON array. Nothing was stored.
 */
public class InventoryFormatException extends RuntimeException {

	public InventoryFormatException(String message) {
		super(message);
	}

}
