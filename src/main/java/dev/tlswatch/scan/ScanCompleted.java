package dev.tlswatch.scan;

/**
 * A scan finished and its results are stored. Published inside the storing transaction.
 *
 * @param scan the stored scan
 */
public record ScanCompleted(ScanDetails scan) {
}
