package dev.tlswatch.endpoint;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.tlswatch.probe.HostNames;
import dev.tlswatch.probe.HostNames.DnsName;
import dev.tlswatch.probe.HostNames.Invalid;
import dev.tlswatch.probe.HostNames.IpLiteral;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Which hosts and addresses TLSWatch may scan, so that its API cannot be used to reach
 * the cloud metadata service or other networks it should not touch (SSRF). Registration
 * checks the host as given ({@link #check(String)}: patterns for names, networks for IP
 * literals, no DNS lookup); every scan checks each address it would connect to, after
 * resolution ({@link #checkAddress(InetAddress)}).
 * <p>
 * An address is judged in this order, the first rule that applies deciding: unspecified,
 * multicast and reserved addresses are denied; the {@code deny} networks are denied; the
 * cloud metadata addresses are denied unless {@code allow-cloud-metadata}; the
 * {@code allow} networks are allowed; loopback, link-local and private addresses as their
 * switches say; every other address as {@code allow-public} says. IPv4-mapped IPv6
 * addresses are judged as their IPv4 address; IPv6 addresses that carry an IPv4 address
 * (NAT64, IPv4-translated, 6to4, Teredo: see {@link EmbeddedIpv4}) are denied when the
 * address they carry is, and then judged as themselves.
 * <p>
 * The same rules guard every other outbound connection: see {@link OutboundUrlPolicy}.
 */
@Component
public class ScanTargetPolicy {

	private static final String KEY = "tlswatch.scan-policy.";

	/** First match wins: {@code ::1} lies inside the reserved {@code ::/96}. */
	private static final List<Range> RANGES = List.of(range("0.0.0.0/8", Category.UNSPECIFIED),
			range("::/128", Category.UNSPECIFIED), range("::1/128", Category.LOOPBACK),
			// IPv4-compatible IPv6 addresses, deprecated by RFC 4291 §2.5.5.1
			range("::/96", Category.RESERVED), range("224.0.0.0/4", Category.MULTICAST),
			range("ff00::/8", Category.MULTICAST),
			// RFC 1112 §4 "class E", with the limited broadcast address 255.255.255.255
			range("240.0.0.0/4", Category.RESERVED), range("127.0.0.0/8", Category.LOOPBACK),
			range("169.254.0.0/16", Category.LINK_LOCAL), range("fe80::/10", Category.LINK_LOCAL),
			range("10.0.0.0/8", Category.PRIVATE), range("172.16.0.0/12", Category.PRIVATE),
			range("192.168.0.0/16", Category.PRIVATE), range("100.64.0.0/10", Category.PRIVATE),
			range("fc00::/7", Category.PRIVATE));

	/** AWS, GCP, Azure, Oracle (IPv4), AWS (IPv6), Alibaba Cloud. */
	private static final List<Cidr> CLOUD_METADATA = List.of(Cidr.parse("169.254.169.254"), Cidr.parse("fd00:ec2::254"),
			Cidr.parse("100.100.100.200"));

	private final ScanPolicySettings settings;

	private final List<Cidr> allow;

	private final List<Cidr> deny;

	private final List<HostPattern> allowHosts;

	private final List<HostPattern> denyHosts;

	ScanTargetPolicy(ScanPolicySettings settings) {
		this.settings = settings;
		this.allow = networks("allow", settings.allow());
		this.deny = networks("deny", settings.deny());
		this.allowHosts = patterns("allow-hosts", settings.allowHosts());
		this.denyHosts = patterns("deny-hosts", settings.denyHosts());
	}

	/**
	 * Judge a host as registered, without any name lookup: an IP literal by its network,
	 * a DNS name by the host patterns. A name is judged again by the addresses it
	 * resolves to whenever it is scanned.
	 * @param host a DNS name or IP literal (IPv6 with or without brackets)
	 * @return the decision; an invalid host is denied
	 */
	public PolicyDecision check(String host) {
		return switch (Idna.parseHost(host.strip())) {
			case IpLiteral(String literal) -> checkAddress(literal(literal));
			case DnsName(String name) -> checkName(name);
			case Invalid(String message) -> PolicyDecision.deny("'" + bounded(host) + "' " + message);
		};
	}

	/**
	 * Judge an address a scan would connect to.
	 * @param address the address
	 * @return the decision
	 */
	public PolicyDecision checkAddress(InetAddress address) {
		byte[] bytes = Cidr.canonicalBytes(address);
		String shown = text(bytes);
		for (EmbeddedIpv4 embedded : EmbeddedIpv4.in(bytes)) {
			byte[] ipv4 = embedded.ipv4();
			if (ipv4 == null) {
				return PolicyDecision.deny(shown + " is " + embedded.form()
						+ " whose IPv4 address depends on the network's NAT64 prefix length; it is never scanned");
			}
			PolicyDecision carried = checkBytes(ipv4, text(ipv4));
			if (carried.denied()) {
				return PolicyDecision.deny(
						shown + " is " + embedded.form() + " that carries " + text(ipv4) + ", and " + carried.reason());
			}
		}
		return checkBytes(bytes, shown);
	}

	private PolicyDecision checkBytes(byte[] bytes, String shown) {
		Category category = categoryOf(bytes);
		if (category.alwaysDenied) {
			return PolicyDecision.deny(shown + " is " + category.description + " and is never scanned");
		}
		for (Cidr network : this.deny) {
			if (network.contains(bytes)) {
				return PolicyDecision.deny(shown + " is in the denied network " + network + " (" + KEY + "deny)");
			}
		}
		if (!this.settings.allowCloudMetadata() && CLOUD_METADATA.stream().anyMatch((cidr) -> cidr.contains(bytes))) {
			return PolicyDecision
				.deny(shown + " is a cloud metadata service address (" + KEY + "allow-cloud-metadata is false)");
		}
		if (this.allow.stream().anyMatch((network) -> network.contains(bytes))) {
			return PolicyDecision.allow();
		}
		String switchKey = switchFor(category);
		if (switchKey != null) {
			return PolicyDecision.deny(shown + " is " + category.description + " (" + KEY + switchKey + " is false)");
		}
		return PolicyDecision.allow();
	}

	private PolicyDecision checkName(String name) {
		for (HostPattern pattern : this.denyHosts) {
			if (pattern.matches(name)) {
				return PolicyDecision
					.deny(name + " matches the denied host pattern " + pattern.text() + " (" + KEY + "deny-hosts)");
			}
		}
		if (!this.allowHosts.isEmpty() && this.allowHosts.stream().noneMatch((pattern) -> pattern.matches(name))) {
			return PolicyDecision.deny(name + " matches none of the allowed host patterns (" + KEY + "allow-hosts)");
		}
		return PolicyDecision.allow();
	}

	/** The switch that denies this category, or {@code null} if it is allowed. */
	private @Nullable String switchFor(Category category) {
		return switch (category) {
			case LOOPBACK -> this.settings.allowLoopback() ? null : "allow-loopback";
			case PRIVATE -> this.settings.allowPrivate() ? null : "allow-private";
			case LINK_LOCAL -> this.settings.allowLinkLocal() ? null : "allow-link-local";
			case PUBLIC -> this.settings.allowPublic() ? null : "allow-public";
			case UNSPECIFIED, MULTICAST, RESERVED -> throw new IllegalStateException("Always denied: " + category);
		};
	}

	private static Category categoryOf(byte[] bytes) {
		return RANGES.stream()
			.filter((range) -> range.network().contains(bytes))
			.map(Range::category)
			.findFirst()
			.orElse(Category.PUBLIC);
	}

	private static InetAddress literal(String literal) {
		try {
			// An IP literal: getByName parses it and never asks a resolver.
			return InetAddress.getByName(literal);
		}
		catch (java.net.UnknownHostException ex) {
			throw new IllegalStateException("A parsed IP literal did not parse again: " + literal, ex);
		}
	}

	private static String text(byte[] bytes) {
		return new Cidr(bytes, bytes.length * 8).toString().replaceFirst("/\\d+$", "");
	}

	private static String bounded(String text) {
		return (text.length() > 80) ? text.substring(0, 80) + "…" : text;
	}

	private static Range range(String cidr, Category category) {
		return new Range(Cidr.parse(cidr), category);
	}

	private static List<Cidr> networks(String key, List<String> values) {
		List<Cidr> networks = new ArrayList<>(values.size());
		for (int i = 0; i < values.size(); i++) {
			try {
				networks.add(Cidr.parse(values.get(i)));
			}
			catch (IllegalArgumentException ex) {
				String problem = String.valueOf(ex.getMessage());
				// Cidr says "Invalid network 'TEXT': PROBLEM"; the analysis shows TEXT
				// itself
				problem = problem.startsWith("Invalid network '") && problem.contains("': ")
						? problem.substring(problem.indexOf("': ") + 3) : problem;
				throw new InvalidScanPolicyException(KEY + key + "[" + i + "]", values.get(i), problem,
						"a network as ADDRESS/PREFIX with no host bits set, e.g. 10.0.0.0/8, 192.0.2.7"
								+ " or 2001:db8::/32",
						ex);
			}
		}
		return List.copyOf(networks);
	}

	private static List<HostPattern> patterns(String key, List<String> values) {
		List<HostPattern> patterns = new ArrayList<>(values.size());
		for (int i = 0; i < values.size(); i++) {
			try {
				patterns.add(HostPattern.parse(KEY + key + "[" + i + "]", values.get(i)));
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidScanPolicyException(KEY + key + "[" + i + "]", values.get(i),
						"it is not a host name or '*.' followed by a host name",
						"a host name (db.example.com) or a wildcard for its subdomains (*.example.com)", ex);
			}
		}
		return List.copyOf(patterns);
	}

	private record Range(Cidr network, Category category) {
	}

	/** What kind of address it is; decides which switch applies. */
	private enum Category {

		UNSPECIFIED("an unspecified address", true), MULTICAST("a multicast address", true),
		RESERVED("a reserved address", true), LOOPBACK("a loopback address", false),
		LINK_LOCAL("a link-local address", false), PRIVATE("a private address", false),
		PUBLIC("a public address", false);

		private final String description;

		private final boolean alwaysDenied;

		Category(String description, boolean alwaysDenied) {
			this.description = description;
			this.alwaysDenied = alwaysDenied;
		}

	}

	/**
	 * A host name pattern: an exact name, or {@code *.} and a name for every name below
	 * it (not the name itself).
	 *
	 * @param text the pattern as configured, normalised
	 * @param name the exact name, or the suffix after {@code *}
	 * @param wildcard whether it is a suffix
	 */
	record HostPattern(String text, String name, boolean wildcard) {

		static HostPattern parse(String key, String value) {
			String pattern = value.strip().toLowerCase(Locale.ROOT);
			boolean wildcard = pattern.startsWith("*.");
			String name = wildcard ? pattern.substring(2) : pattern;
			if (name.isEmpty() || !(Idna.parseDnsName(name) instanceof DnsName(String normalised))) {
				throw new IllegalArgumentException(
						key + ": '" + bounded(value) + "' is not a host name or '*.' followed by a host name");
			}
			return new HostPattern(wildcard ? "*." + normalised : normalised, normalised, wildcard);
		}

		boolean matches(String host) {
			String normalised = host.toLowerCase(Locale.ROOT);
			return this.wildcard ? normalised.endsWith("." + this.name) : normalised.equals(this.name);
		}

	}

}
