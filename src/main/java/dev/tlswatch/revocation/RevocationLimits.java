package dev.tlswatch.revocation;

import java.time.Duration;
import java.util.Objects;

/**
 * The bounds of every revocation fetch.
 *
 * @param connectTimeout bound on each TCP connect
 * @param readTimeout bound on a whole HTTP exchange, however slowly the peer sends
 * @param maxCrlBytes the largest CRL read, in bytes
 * @param maxOcspBytes the largest OCSP response read, in bytes
 * @param cacheEntries the most answers kept in the cache (OCSP answers and CRLs each)
 */
public record RevocationLimits(Duration connectTimeout, Duration readTimeout, long maxCrlBytes, int maxOcspBytes,
		int cacheEntries) {

	/** 10 MiB: the largest CRL read. */
	public static final long DEFAULT_MAX_CRL_BYTES = 10L * 1024 * 1024;

	/** 64 KiB: the largest OCSP response read. */
	public static final int DEFAULT_MAX_OCSP_BYTES = 64 * 1024;

	/** Answers kept. */
	public static final int DEFAULT_CACHE_ENTRIES = 4096;

	public RevocationLimits {
		Objects.requireNonNull(connectTimeout, "connectTimeout");
		Objects.requireNonNull(readTimeout, "readTimeout");
		if (!connectTimeout.isPositive() || !readTimeout.isPositive()) {
			throw new IllegalArgumentException("Timeouts must be positive");
		}
		if (maxCrlBytes < 1 || maxOcspBytes < 1 || cacheEntries < 1) {
			throw new IllegalArgumentException("Limits must be positive");
		}
	}

	/**
	 * The default sizes with the given timeouts.
	 * @param connectTimeout bound on each TCP connect
	 * @param readTimeout bound on a whole HTTP exchange
	 * @return the limits
	 */
	public static RevocationLimits of(Duration connectTimeout, Duration readTimeout) {
		return new RevocationLimits(connectTimeout, readTimeout, DEFAULT_MAX_CRL_BYTES, DEFAULT_MAX_OCSP_BYTES,
				DEFAULT_CACHE_ENTRIES);
	}

	/**
	 * The same limits with another largest CRL.
	 * @param bytes the largest CRL read
	 * @return the copy
	 */
	public RevocationLimits withMaxCrlBytes(long bytes) {
		return new RevocationLimits(this.connectTimeout, this.readTimeout, bytes, this.maxOcspBytes, this.cacheEntries);
	}

}
