package dev.tlswatch.scan;

/**
 * A host cannot be discovered: it is not a valid name, does not resolve, or the scan
 * target policy denies it or one of its addresses. Nothing was contacted.
 */
public class InvalidDiscoveryTargetException extends RuntimeException {

	public InvalidDiscoveryTargetException(String message) {
		super(message);
	}

}
