package dev.tlswatch.support;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.tlswatch.scan.AddressResolver;

/**
 * The resolver of every test application context: names under {@code .tlswatch.test}
 * resolve to the addresses a test registered (and fail when none are), IP literals and
 * {@code localhost} resolve as usual. No test ever asks a real DNS server.
 */
public final class TestResolver implements AddressResolver {

	/** The suffix of names that only this resolver knows. */
	public static final String SUFFIX = ".tlswatch.test";

	/** IPv6 forms that carry 169.254.169.254 (the scan target policy judges them so). */
	private static final List<String> METADATA_CARRIERS = List.of("64:ff9b:0:0:0:0:a9fe:a9fe",
			"64:ff9b:1:0:0:0:a9fe:a9fe", "0:0:0:0:ffff:0:a9fe:a9fe", "2002:a9fe:a9fe:0:0:0:0:1",
			"2001:0:5db8:d822:0:0:5601:5601");

	private static final Map<String, List<InetAddress>> names = new ConcurrentHashMap<>();

	/**
	 * Make a test name resolve to the given loopback literals (see
	 * {@link #registerDenied} for addresses the scan target policy denies).
	 * @param name a name ending in {@link #SUFFIX}
	 * @param addresses IP literals
	 */
	public static void register(String name, String... addresses) {
		if (!name.endsWith(SUFFIX)) {
			throw new IllegalArgumentException("Test names end in " + SUFFIX + ": " + name);
		}
		names.put(name.toLowerCase(Locale.ROOT), List.of(addresses).stream().map(TestResolver::literal).toList());
	}

	/**
	 * Make a test name resolve to addresses that the default scan target policy denies
	 * (link-local, which includes the cloud metadata address 169.254.169.254, and the
	 * other metadata addresses), for tests that a scan refuses them without contacting
	 * them. Anything else is refused here, so that a test cannot point a name at a host
	 * it might reach.
	 * @param name a name ending in {@link #SUFFIX}
	 * @param addresses link-local or cloud metadata IP literals (also in the IPv6 forms
	 * that carry 169.254.169.254: NAT64, IPv4-translated, 6to4, Teredo), optionally mixed
	 * with loopback literals
	 */
	public static void registerDenied(String name, String... addresses) {
		for (String address : addresses) {
			InetAddress literal = literal(address);
			if (!literal.isLinkLocalAddress() && !literal.isLoopbackAddress()
					&& !List.of("fd00:ec2:0:0:0:0:0:254", "100.100.100.200").contains(literal.getHostAddress())
					&& !METADATA_CARRIERS.contains(literal.getHostAddress())) {
				throw new IllegalArgumentException("Not a link-local, metadata or loopback address: " + address);
			}
		}
		register(name, addresses);
	}

	@Override
	public List<InetAddress> resolve(String host) throws UnknownHostException {
		String name = host.toLowerCase(Locale.ROOT);
		if (name.endsWith(SUFFIX)) {
			List<InetAddress> addresses = names.get(name);
			if (addresses == null) {
				throw new UnknownHostException(host + ": Name or service not known");
			}
			return addresses;
		}
		if (name.equals("localhost") || name.matches("[0-9.]+") || name.contains(":")) {
			return List.of(InetAddress.getAllByName(host));
		}
		throw new UnknownHostException(host + ": tests resolve only loopback literals and " + SUFFIX + " names");
	}

	private static InetAddress literal(String address) {
		try {
			return InetAddress.getByName(address);
		}
		catch (UnknownHostException ex) {
			throw new IllegalArgumentException("Not an IP literal: " + address, ex);
		}
	}

}
