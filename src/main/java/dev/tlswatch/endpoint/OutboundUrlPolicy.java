package dev.tlswatch.endpoint;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The scan target policy for every other connection TLSWatch makes on its own: webhooks
 * and other notification channels, OCSP responders and CRL distribution points named by a
 * certificate. A URL is allowed when it is an absolute {@code http} or {@code https} URL
 * without user information whose host the {@link ScanTargetPolicy} allows, and, right
 * before connecting, when every address its name resolves to is allowed too (including
 * the IPv6 forms that carry an IPv4 address, such as NAT64 {@code 64:ff9b::/96}).
 * <p>
 * Callers check {@link #check(URI)} when a URL is configured or stored, and
 * {@link #checkBeforeConnect(URI)} right before each connection, then refuse to connect
 * when it is denied. Redirects must not be followed (or each target checked again).
 */
@Component
public class OutboundUrlPolicy {

	private static final Set<String> SCHEMES = Set.of("http", "https");

	private static final int MAX_URL_LENGTH = 2048;

	private final ScanTargetPolicy targets;

	private final Resolver resolver;

	@Autowired
	OutboundUrlPolicy(ScanTargetPolicy targets) {
		this(targets, InetAddress::getAllByName);
	}

	OutboundUrlPolicy(ScanTargetPolicy targets, Resolver resolver) {
		this.targets = targets;
		this.resolver = resolver;
	}

	/**
	 * Judge a URL as given, without any name lookup.
	 * @param url the URL
	 * @return the decision, with a reason for users when denied
	 */
	public PolicyDecision check(URI url) {
		String text = url.toString();
		if (text.length() > MAX_URL_LENGTH) {
			return PolicyDecision.deny("The URL is longer than " + MAX_URL_LENGTH + " characters");
		}
		String scheme = (url.getScheme() != null) ? url.getScheme().toLowerCase(Locale.ROOT) : "";
		if (!url.isAbsolute() || !SCHEMES.contains(scheme)) {
			return PolicyDecision.deny("The URL must be an absolute http or https URL");
		}
		if (url.getRawUserInfo() != null) {
			return PolicyDecision.deny("The URL must not carry a user name or password before the host");
		}
		String host = url.getHost();
		if (host == null || host.isEmpty()) {
			return PolicyDecision.deny("The URL has no host");
		}
		return this.targets.check(host);
	}

	/**
	 * Judge a URL right before connecting: as given, then every address its host resolves
	 * to.
	 * @param url the URL
	 * @return the decision; a name that does not resolve is denied
	 */
	public PolicyDecision checkBeforeConnect(URI url) {
		PolicyDecision given = check(url);
		if (given.denied()) {
			return given;
		}
		String host = url.getHost();
		InetAddress[] addresses;
		try {
			addresses = this.resolver.resolve(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
		}
		catch (UnknownHostException ex) {
			return PolicyDecision.deny(host + " does not resolve");
		}
		for (InetAddress address : addresses) {
			PolicyDecision decision = this.targets.checkAddress(address);
			if (decision.denied()) {
				return PolicyDecision.deny(host + " resolves to " + decision.reason());
			}
		}
		return PolicyDecision.allow();
	}

	/** Name resolution, replaceable in tests. */
	@FunctionalInterface
	interface Resolver {

		InetAddress[] resolve(String host) throws UnknownHostException;

	}

}
