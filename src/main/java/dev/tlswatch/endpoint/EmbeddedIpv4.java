package dev.tlswatch.endpoint;

import java.util.Arrays;
import java.util.List;

import dev.tlswatch.probe.HostNames;
import org.jspecify.annotations.Nullable;

/**
 * The IPv4 addresses an IPv6 address carries, so that the scan target policy judges
 * {@code 64:ff9b::a9fe:a9fe} as the {@code 169.254.169.254} a NAT64 gateway would reach.
 * IPv4-mapped addresses ({@code ::ffff:0:0/96}) are already reduced by
 * {@link Cidr#canonicalBytes}; these are the other forms:
 * <ul>
 * <li>NAT64 well-known prefix {@code 64:ff9b::/96} (RFC 6052 §2.1): the last 32
 * bits;</li>
 * <li>NAT64 local-use prefix {@code 64:ff9b:1::/48} (RFC 8215): the last 32 bits when the
 * network uses it as {@code 64:ff9b:1::/96}; with a shorter prefix (RFC 6052 §2.2) where
 * the IPv4 address sits depends on the network's configuration, so it cannot be told
 * ({@code null});</li>
 * <li>IPv4-translated {@code ::ffff:0:0:0/96} (RFC 2765 §2.1): the last 32 bits;</li>
 * <li>6to4 {@code 2002::/16} (RFC 3056 §2): bits 16 to 47;</li>
 * <li>Teredo {@code 2001::/32} (RFC 4380 §4): the server (bits 32 to 63) and the client,
 * the last 32 bits inverted.</li>
 * </ul>
 *
 * @param form the form, for messages ({@code "a NAT64 address"})
 * @param ipv4 the 4 bytes of the IPv4 address, {@code null} when it cannot be told
 */
record EmbeddedIpv4(String form, byte @Nullable [] ipv4) {

	private static final int IPV6_BYTES = 16;

	EmbeddedIpv4 {
		ipv4 = (ipv4 != null) ? ipv4.clone() : null;
	}

	/**
	 * The IPv4 addresses carried by an address.
	 * @param address 4 or 16 bytes
	 * @return one entry per carried address (two for Teredo); empty for other addresses
	 */
	static List<EmbeddedIpv4> in(byte[] address) {
		if (address.length != IPV6_BYTES) {
			return List.of();
		}
		if (startsWith(address, 0x00, 0x64, 0xff, 0x9b) && zero(address, 4, 12)) {
			return List.of(new EmbeddedIpv4("a NAT64 address (64:ff9b::/96)", last32(address, false)));
		}
		if (startsWith(address, 0x00, 0x64, 0xff, 0x9b, 0x00, 0x01)) {
			byte[] ipv4 = zero(address, 6, 12) ? last32(address, false) : null;
			return List.of(new EmbeddedIpv4("a local-use NAT64 address (64:ff9b:1::/48)", ipv4));
		}
		if (zero(address, 0, 8) && (address[8] & 0xff) == 0xff && (address[9] & 0xff) == 0xff
				&& zero(address, 10, 12)) {
			return List.of(new EmbeddedIpv4("an IPv4-translated address (::ffff:0:0:0/96)", last32(address, false)));
		}
		if (startsWith(address, 0x20, 0x02)) {
			return List.of(new EmbeddedIpv4("a 6to4 address (2002::/16)", Arrays.copyOfRange(address, 2, 6)));
		}
		if (startsWith(address, 0x20, 0x01, 0x00, 0x00)) {
			return List.of(new EmbeddedIpv4("a Teredo address (2001::/32) (server)", Arrays.copyOfRange(address, 4, 8)),
					new EmbeddedIpv4("a Teredo address (2001::/32) (client)", last32(address, true)));
		}
		return List.of();
	}

	@Override
	public byte @Nullable [] ipv4() {
		return (this.ipv4 != null) ? this.ipv4.clone() : null;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof EmbeddedIpv4 embedded && this.form.equals(embedded.form)
				&& Arrays.equals(this.ipv4, embedded.ipv4);
	}

	@Override
	public int hashCode() {
		return 31 * this.form.hashCode() + Arrays.hashCode(this.ipv4);
	}

	@Override
	public String toString() {
		return this.form + " " + ((this.ipv4 != null) ? HostNames.Ipv4.format(this.ipv4, 0) : "?");
	}

	private static byte[] last32(byte[] address, boolean inverted) {
		byte[] ipv4 = Arrays.copyOfRange(address, IPV6_BYTES - 4, IPV6_BYTES);
		if (inverted) {
			for (int i = 0; i < ipv4.length; i++) {
				ipv4[i] = (byte) ~ipv4[i];
			}
		}
		return ipv4;
	}

	private static boolean startsWith(byte[] address, int... prefix) {
		for (int i = 0; i < prefix.length; i++) {
			if ((address[i] & 0xff) != prefix[i]) {
				return false;
			}
		}
		return true;
	}

	private static boolean zero(byte[] address, int from, int to) {
		for (int i = from; i < to; i++) {
			if (address[i] != 0) {
				return false;
			}
		}
		return true;
	}

}
