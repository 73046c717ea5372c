package dev.tlswatch.revocation;

import java.net.InetAddress;

import org.jspecify.annotations.Nullable;

/**
 * Decides whether a revocation fetch may connect to an address, so that a certificate
 * cannot point TLSWatch at a cloud metadata service or a private network: the scan passes
 * its scan target policy, the command line its own.
 */
@FunctionalInterface
public interface AddressGuard {

	/**
	 * Judge an address right before connecting to it.
	 * @param address the resolved address
	 * @return why it is denied, or {@code null} when it is allowed
	 */
	@Nullable String denied(InetAddress address);

}
