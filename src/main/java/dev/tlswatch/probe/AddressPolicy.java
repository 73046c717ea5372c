package dev.tlswatch.probe;

import java.net.InetAddress;

import org.jspecify.annotations.Nullable;

/**
 * Whether the probe may contact an address it did not get from its target but found in
 * what the target sent, such as the host of a certificate's caIssuers URL. The
 * application passes its scan target policy through this interface, so that a certificate
 * cannot point the probe at a metadata or private address, and the probe stays plain
 * Java.
 */
@FunctionalInterface
public interface AddressPolicy {

	/**
	 * Judge an address right before it would be contacted.
	 * @param address the resolved address
	 * @return why it may not be contacted, {@code null} if it may
	 */
	@Nullable String denies(InetAddress address);

}
