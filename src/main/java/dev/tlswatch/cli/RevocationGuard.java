package dev.tlswatch.cli;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;

import dev.tlswatch.revocation.AddressGuard;

import org.jspecify.annotations.Nullable;

/**
 * The command line's policy for revocation fetches (OCSP responders and CRLs named by a
 * certificate): the command line has no scan target policy, so a certificate must not be
 * able to point it at the cloud metadata service, a link-local, unspecified or multicast
 * address ever, nor at loopback or private addresses unless
 * {@code --revocation-allow-private} says so.
 */
final class RevocationGuard implements AddressGuard {

	private final boolean allowPrivate;

	RevocationGuard(boolean allowPrivate) {
		this.allowPrivate = allowPrivate;
	}

	@Override
	public @Nullable String denied(InetAddress address) {
		if (address.isAnyLocalAddress() || address.isMulticastAddress()) {
			return "unspecified or multicast address";
		}
		if (address.isLinkLocalAddress() || cloudMetadata(address)) {
			return "link-local or cloud metadata address";
		}
		if (!this.allowPrivate && (address.isLoopbackAddress() || address.isSiteLocalAddress() || shared(address)
				|| uniqueLocal(address))) {
			return "loopback or private address (allow with --revocation-allow-private)";
		}
		return null;
	}

	// 100.100.100.200 (Alibaba Cloud), fd00:ec2::254 (AWS IPv6); 169.254.169.254 is
	// link-local
	private static boolean cloudMetadata(InetAddress address) {
		byte[] bytes = address.getAddress();
		if (address instanceof Inet4Address) {
			return (bytes[0] & 0xff) == 100 && (bytes[1] & 0xff) == 100 && (bytes[2] & 0xff) == 100
					&& (bytes[3] & 0xff) == 200;
		}
		return "fd00:ec2:0:0:0:0:0:254".equals(address.getHostAddress().replaceFirst("%.*$", ""));
	}

	// 100.64.0.0/10 (RFC 6598 shared address space)
	private static boolean shared(InetAddress address) {
		byte[] bytes = address.getAddress();
		return address instanceof Inet4Address && (bytes[0] & 0xff) == 100 && (bytes[1] & 0xc0) == 64;
	}

	// fc00::/7 (RFC 4193 unique local addresses)
	private static boolean uniqueLocal(InetAddress address) {
		return address instanceof Inet6Address && (address.getAddress()[0] & 0xfe) == 0xfc;
	}

}
