package dev.tlswatch.endpoint;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which scan targets are allowed: the settings of the {@link ScanTargetPolicy}.
 * Unspecified, multicast and reserved addresses are always denied.
 *
 * @param allowLoopback whether loopback addresses (127.0.0.0/8, ::1) may be scanned
 * @param allowPrivate whether private addresses (10.0.0.0/8, 172.16.0.0/12,
 * 192.168.0.0/16, 100.64.0.0/10, fc00::/7) may be scanned
 * @param allowLinkLocal whether link-local addresses (169.254.0.0/16, fe80::/10) may be
 * scanned
 * @param allowCloudMetadata whether the cloud metadata services (169.254.169.254,
 * fd00:ec2::254, 100.100.100.200) may be scanned; the {@code allow} list does not
 * override this
 * @param allowPublic whether every other address may be scanned; {@code false} allows
 * only the {@code allow} networks and the categories switched on above
 * @param allow networks (CIDR) allowed even when their category is switched off
 * @param deny networks (CIDR) always denied; they win over {@code allow}
 * @param allowHosts host name patterns ({@code db.example.com}, {@code *.example.com});
 * when not empty, a DNS name must match one of them
 * @param denyHosts host name patterns that are always denied; they win over
 * {@code allowHosts}
 */
@ConfigurationProperties("tlswatch.scan-policy")
record ScanPolicySettings(@DefaultValue("true") boolean allowLoopback, @DefaultValue("true") boolean allowPrivate,
		@DefaultValue("false") boolean allowLinkLocal, @DefaultValue("false") boolean allowCloudMetadata,
		@DefaultValue("true") boolean allowPublic, @DefaultValue List<String> allow, @DefaultValue List<String> deny,
		@DefaultValue List<String> allowHosts, @DefaultValue("metadata.google.internal") List<String> denyHosts) {

	/** More entries than this are a configuration mistake, not a policy. */
	static final int MAX_ENTRIES = 1000;

	ScanPolicySettings {
		allow = bounded("allow", allow);
		deny = bounded("deny", deny);
		allowHosts = bounded("allow-hosts", allowHosts);
		denyHosts = bounded("deny-hosts", denyHosts);
	}

	/** Everything allowed but what is always denied; for tests and tools. */
	static ScanPolicySettings permissive() {
		return new ScanPolicySettings(true, true, true, true, true, List.of(), List.of(), List.of(), List.of());
	}

	private static List<String> bounded(String key, List<String> values) {
		if (values.size() > MAX_ENTRIES) {
			throw new IllegalArgumentException(
					"tlswatch.scan-policy." + key + " must not have more than " + MAX_ENTRIES + " entries");
		}
		return List.copyOf(values);
	}

}
