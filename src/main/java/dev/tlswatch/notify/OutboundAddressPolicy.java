package dev.tlswatch.notify;

import java.net.InetAddress;

import org.jspecify.annotations.Nullable;

/**
 * Which hosts and addresses a channel may send to, so that a channel cannot be pointed at
 * the cloud metadata service or another address TLSWatch must not reach. The notify
 * module depends on no feature module: the application provides this policy (it is the
 * endpoint module's scan target policy, wired in by the alert module).
 */
public interface OutboundAddressPolicy {

	/**
	 * Judge a host as written in a URL, without a name lookup.
	 * @param host a DNS name or IP literal
	 * @return why it is denied, {@code null} when allowed
	 */
	@Nullable String deniedHost(String host);

	/**
	 * Judge an address a request would connect to.
	 * @param address the address
	 * @return why it is denied, {@code null} when allowed
	 */
	@Nullable String deniedAddress(InetAddress address);

}
