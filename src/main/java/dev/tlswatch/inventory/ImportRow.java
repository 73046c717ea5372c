package dev.tlswatch.inventory;

/**
 * One row of an import file, its values as written (trimmed, empty when absent).
 *
 * @param index zero-based position among the file's rows
 * @param host host name or IP literal
 * @param port TCP port, as written
 * @param tlsMode how TLS starts, as written
 * @param sniName the SNI name
 * @param tags tags separated by spaces or semicolons
 * @param interval minutes between scans, as written
 */
public record ImportRow(int index, String host, String port, String tlsMode, String sniName, String tags,
		String interval) {

	/** The row number users count, starting at 1. */
	public int number() {
		return this.index + 1;
	}

}
