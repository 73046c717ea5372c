package dev.tlswatch.probe;

import java.net.InetAddress;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One address to probe.
 *
 * @param address the resolved address to connect to
 * @param port the TCP port, 1 to 65535
 * @param sniName the name sent as SNI ({@code server_name}), or {@code null} to send none
 * (IP literals)
 * @param expectedName the name the certificate must match (RFC 6125): a DNS name or an IP
 * literal
 * @param startTls how TLS starts on the connection; every probe of the target repeats it
 */
public record ProbeTarget(InetAddress address, int port, @Nullable String sniName, String expectedName,
		StartTls startTls) {

	public ProbeTarget {
		Objects.requireNonNull(address, "address");
		Objects.requireNonNull(expectedName, "expectedName");
		Objects.requireNonNull(startTls, "startTls");
		if (port < 1 || port > 65535) {
			throw new IllegalArgumentException("Port must be between 1 and 65535, was " + port);
		}
	}

	/**
	 * A target where TLS starts right after the TCP connect.
	 * @param address the address
	 * @param port the port
	 * @param sniName the SNI name or {@code null}
	 * @param expectedName the name the certificate must match
	 */
	public ProbeTarget(InetAddress address, int port, @Nullable String sniName, String expectedName) {
		this(address, port, sniName, expectedName, StartTls.NONE);
	}

	/**
	 * A target for a name as users give it: SNI carries the name unless it is an IP
	 * literal, which SNI cannot carry (RFC 6066 §3).
	 * @param address the resolved address to connect to
	 * @param port the TCP port
	 * @param expectedName the DNS name or IP literal the certificate must match
	 * @param startTls how TLS starts
	 * @return the target
	 */
	public static ProbeTarget forName(InetAddress address, int port, String expectedName, StartTls startTls) {
		boolean literal = expectedName.indexOf(':') >= 0 || expectedName.matches("\\d{1,3}(\\.\\d{1,3}){3}");
		return new ProbeTarget(address, port, literal ? null : expectedName, expectedName, startTls);
	}

	@Override
	public String toString() {
		String host = this.address.getHostAddress();
		return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + this.port
				+ ((this.sniName != null) ? " (SNI " + this.sniName + ")" : "");
	}

}
