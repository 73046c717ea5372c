package dev.tlswatch.scan;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Resolves an endpoint's host to every address it has. The application uses the operating
 * system's resolver; a bean of this type replaces it (tests, special set-ups).
 */
public interface AddressResolver {

	/**
	 * Resolve a host name or IP literal.
	 * @param host the host
	 * @return all addresses, never empty
	 * @throws UnknownHostException if the name does not resolve
	 */
	List<InetAddress> resolve(String host) throws UnknownHostException;

}
