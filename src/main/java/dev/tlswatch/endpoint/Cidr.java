package dev.tlswatch.endpoint;

import java.net.InetAddress;
import java.util.Arrays;

import dev.tlswatch.probe.HostNames;
import org.jspecify.annotations.Nullable;

/**
 * A network in CIDR notation (RFC 4632, RFC 4291 §2.3): {@code 10.0.0.0/8},
 * {@code fd00::/8}, or a single address without a prefix length. Parsed without any name
 * lookup and with bounded input; an IPv6 network inside {@code ::ffff:0:0/96} becomes the
 * IPv4 network it maps, and IPv4-mapped IPv6 addresses match as their IPv4 address, so
 * that {@code ::ffff:169.254.169.254} is never a way around an IPv4 rule.
 *
 * @param network the network's address bytes (4 or 16), host bits zero
 * @param prefixLength the number of leading bits that must match
 */
record Cidr(byte[] network, int prefixLength) {

	/** Longer input is never a valid CIDR: an IPv6 text is at most 45 characters. */
	static final int MAX_TEXT_LENGTH = 64;

	private static final int IPV4_BYTES = 4;

	private static final int IPV6_BYTES = 16;

	/**
	 * The bytes before the IPv4 address in {@code ::ffff:a.b.c.d} (RFC 4291 §2.5.5.2).
	 */
	private static final int MAPPED_PREFIX_BYTES = 12;

	Cidr {
		network = network.clone();
	}

	/**
	 * Parse a network.
	 * @param text {@code address/prefix} or a single address
	 * @return the network
	 * @throws IllegalArgumentException naming what is wrong
	 */
	static Cidr parse(String text) {
		String trimmed = text.strip();
		if (trimmed.isEmpty() || trimmed.length() > MAX_TEXT_LENGTH) {
			throw invalid(text, "must be an address or address/prefix of at most " + MAX_TEXT_LENGTH + " characters");
		}
		int slash = trimmed.indexOf('/');
		String addressText = (slash < 0) ? trimmed : trimmed.substring(0, slash);
		byte[] address = parseAddress(addressText);
		if (address == null) {
			throw invalid(text, "'" + addressText + "' is not an IPv4 or IPv6 address");
		}
		int maxPrefix = address.length * 8;
		int prefix = (slash < 0) ? maxPrefix : parsePrefix(text, trimmed.substring(slash + 1), maxPrefix);
		if (!hostBitsZero(address, prefix)) {
			throw invalid(text, "has bits set after the first " + prefix + " (did you mean the network address?)");
		}
		if (isMapped(address) && prefix >= MAPPED_PREFIX_BYTES * 8) {
			return new Cidr(Arrays.copyOfRange(address, MAPPED_PREFIX_BYTES, IPV6_BYTES),
					prefix - MAPPED_PREFIX_BYTES * 8);
		}
		return new Cidr(address, prefix);
	}

	/**
	 * Whether an address lies in this network.
	 * @param address the address
	 * @return whether it matches
	 */
	boolean contains(InetAddress address) {
		return contains(canonicalBytes(address));
	}

	/**
	 * Whether an address lies in this network.
	 * @param address 4 or 16 address bytes, IPv4-mapped IPv6 addresses as their 4 bytes
	 * @return whether it matches
	 */
	boolean contains(byte[] address) {
		if (address.length != this.network.length) {
			return false;
		}
		int fullBytes = this.prefixLength / 8;
		for (int i = 0; i < fullBytes; i++) {
			if (address[i] != this.network[i]) {
				return false;
			}
		}
		int remainingBits = this.prefixLength % 8;
		if (remainingBits == 0) {
			return true;
		}
		int mask = (0xff << (8 - remainingBits)) & 0xff;
		return (address[fullBytes] & mask) == (this.network[fullBytes] & mask);
	}

	/**
	 * An address's bytes with an IPv4-mapped IPv6 address reduced to its IPv4 address.
	 * @param address the address
	 * @return 4 or 16 bytes
	 */
	static byte[] canonicalBytes(InetAddress address) {
		byte[] bytes = address.getAddress();
		return isMapped(bytes) ? Arrays.copyOfRange(bytes, MAPPED_PREFIX_BYTES, IPV6_BYTES) : bytes;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof Cidr cidr && this.prefixLength == cidr.prefixLength
				&& Arrays.equals(this.network, cidr.network);
	}

	@Override
	public int hashCode() {
		return 31 * Arrays.hashCode(this.network) + this.prefixLength;
	}

	@Override
	public String toString() {
		String address = (this.network.length == IPV4_BYTES) ? HostNames.Ipv4.format(this.network, 0)
				: HostNames.Ipv6.format(groups(this.network));
		return address + "/" + this.prefixLength;
	}

	private static byte @Nullable [] parseAddress(String text) {
		if (text.indexOf(':') >= 0) {
			int[] groups = HostNames.Ipv6.parse(text);
			if (groups == null) {
				return null;
			}
			byte[] bytes = new byte[IPV6_BYTES];
			for (int i = 0; i < groups.length; i++) {
				bytes[2 * i] = (byte) (groups[i] >> 8);
				bytes[2 * i + 1] = (byte) groups[i];
			}
			return bytes;
		}
		return HostNames.Ipv4.parse(text);
	}

	private static int parsePrefix(String text, String prefix, int maxPrefix) {
		if (prefix.isEmpty() || prefix.length() > 3 || !prefix.chars().allMatch((c) -> c >= '0' && c <= '9')
				|| (prefix.length() > 1 && prefix.charAt(0) == '0')) {
			throw invalid(text, "prefix length must be a number from 0 to " + maxPrefix);
		}
		int value = Integer.parseInt(prefix);
		if (value > maxPrefix) {
			throw invalid(text, "prefix length must be a number from 0 to " + maxPrefix);
		}
		return value;
	}

	private static boolean hostBitsZero(byte[] address, int prefix) {
		return Arrays.equals(masked(address, prefix), address);
	}

	private static byte[] masked(byte[] address, int prefix) {
		byte[] result = new byte[address.length];
		for (int i = 0; i < address.length; i++) {
			int bits = Math.clamp(prefix - 8L * i, 0, 8);
			result[i] = (byte) (address[i] & ((0xff << (8 - bits)) & 0xff));
		}
		return result;
	}

	private static boolean isMapped(byte[] bytes) {
		if (bytes.length != IPV6_BYTES) {
			return false;
		}
		for (int i = 0; i < 10; i++) {
			if (bytes[i] != 0) {
				return false;
			}
		}
		return bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
	}

	private static int[] groups(byte[] bytes) {
		int[] groups = new int[IPV6_BYTES / 2];
		for (int i = 0; i < groups.length; i++) {
			groups[i] = ((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff);
		}
		return groups;
	}

	private static IllegalArgumentException invalid(String text, String problem) {
		String shown = (text.length() > MAX_TEXT_LENGTH) ? text.substring(0, MAX_TEXT_LENGTH) + "…" : text;
		return new IllegalArgumentException("Invalid network '" + shown + "': " + problem);
	}

}
