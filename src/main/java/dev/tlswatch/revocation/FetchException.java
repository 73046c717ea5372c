package dev.tlswatch.revocation;

/**
 * Why a revocation fetch gave nothing: the message is the reason shown to users ("timed
 * out", "forbidden address: ...", "too large", "HTTP 404"...).
 */
final class FetchException extends Exception {

	private static final long serialVersionUID = 1L;

	FetchException(String message) {
		super(message);
	}

	FetchException(String message, Throwable cause) {
		super(message, cause);
	}

}
