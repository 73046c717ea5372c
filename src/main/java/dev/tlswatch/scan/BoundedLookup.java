package dev.tlswatch.scan;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Resolves a name with a deadline (a system lookup has none of its own) and keeps at most
 * a given number of distinct addresses. Scans and discovery both resolve this way.
 */
final class BoundedLookup {

	private BoundedLookup() {
	}

	/**
	 * Every address of a name, within a deadline.
	 * @param resolver the resolver
	 * @param host the name
	 * @param timeout how long the lookup may take
	 * @param maxAddresses how many distinct addresses to keep at most
	 * @return the addresses, in the resolver's order
	 * @throws LookupFailedException why there are none
	 */
	static List<InetAddress> resolve(AddressResolver resolver, String host, Duration timeout, int maxAddresses) {
		try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
			Future<List<InetAddress>> lookup = executor.submit(() -> resolver.resolve(host));
			try {
				List<InetAddress> all = lookup.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
				return all.stream().distinct().limit(maxAddresses).toList();
			}
			catch (TimeoutException ex) {
				lookup.cancel(true);
				throw new LookupFailedException(Reason.TIMED_OUT, "lookup timed out after " + timeout);
			}
			catch (ExecutionException ex) {
				if (ex.getCause() instanceof UnknownHostException unknown) {
					throw new LookupFailedException(Reason.NO_SUCH_NAME, String.valueOf(unknown.getMessage()));
				}
				throw new LookupFailedException(Reason.FAILED, String.valueOf(ex.getCause()));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new LookupFailedException(Reason.INTERRUPTED, "interrupted");
			}
		}
	}

	/** Why a lookup gave no address. */
	enum Reason {

		/** The name does not exist. */
		NO_SUCH_NAME,

		/** The lookup did not answer in time. */
		TIMED_OUT,

		/** The resolver failed otherwise. */
		FAILED,

		/** The waiting thread was interrupted. */
		INTERRUPTED

	}

	/** A lookup that gave no address, with why. */
	static final class LookupFailedException extends RuntimeException {

		private final Reason reason;

		LookupFailedException(Reason reason, String detail) {
			super(detail);
			this.reason = reason;
		}

		Reason reason() {
			return this.reason;
		}

	}

}
