package dev.tlswatch.probe.cert;

import java.net.InetAddress;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Locale;

import javax.naming.InvalidNameException;
import javax.naming.NamingException;
import javax.naming.directory.Attribute;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.security.auth.x500.X500Principal;

import dev.tlswatch.probe.HostNames;
import org.jspecify.annotations.Nullable;

/**
 * Decides whether a certificate is for a reference name, following RFC 6125 §6.
 * <ul>
 * <li>A DNS reference name is compared with the DNS subject alternative names, ignoring
 * case and a trailing dot; internationalized names compare in their A-label form.</li>
 * <li>A wildcard matches only as the complete left-most label ({@code *.example.com}
 * matches {@code a.example.com}, but neither {@code example.com} nor
 * {@code a.b.example.com}); partial wildcards ({@code f*.example.com}) and wildcards over
 * two labels ({@code *.com}) match nothing.</li>
 * <li>An IP reference is compared with the IP subject alternative names only.</li>
 * <li>The subject common name counts only when the certificate has no DNS and no IP
 * subject alternative name (RFC 6125 §6.4.4).</li>
 * </ul>
 */
final class HostnameMatcher {

	private static final String WILDCARD_LABEL = "*";

	// The wildcard label plus at least two labels: "*.com" is refused
	private static final int MIN_WILDCARD_LABELS = 3;

	private HostnameMatcher() {
	}

	/**
	 * Whether the certificate is for the reference name.
	 * @param certificate the end-entity certificate
	 * @param referenceName a DNS name or an IP literal
	 * @return whether it matches
	 */
	static boolean matches(X509Certificate certificate, String referenceName) {
		SubjectAltNames altNames = SubjectAltNames.of(certificate);
		if (altNames.unreadable()) {
			// The certificate names hosts in a way we cannot read: no match, and no
			// fallback to the common name
			return false;
		}
		InetAddress address = HostNames.parseIpLiteral(referenceName);
		if (address != null) {
			return altNames.ipAddresses().contains(address.getHostAddress());
		}
		String name = HostNames.toAsciiDnsName(referenceName);
		if (name == null) {
			return false;
		}
		List<String> presented = altNames.isEmpty() ? commonNames(certificate) : altNames.dnsNames();
		return presented.stream().anyMatch((identifier) -> matchesDnsName(identifier, name));
	}

	/**
	 * Whether one presented DNS identifier matches a reference name.
	 * @param presented the identifier from the certificate, possibly a wildcard
	 * @param referenceName the reference name in lower-case ASCII without a trailing dot
	 * @return whether it matches
	 */
	static boolean matchesDnsName(String presented, String referenceName) {
		String identifier = HostNames.withoutTrailingDot(presented.toLowerCase(Locale.ROOT));
		if (!identifier.startsWith(WILDCARD_LABEL + ".")) {
			return HostNames.isDnsName(identifier) && identifier.equals(referenceName);
		}
		return matchesWildcard(identifier, referenceName);
	}

	private static boolean matchesWildcard(String wildcard, String referenceName) {
		String suffix = wildcard.substring(WILDCARD_LABEL.length());
		if (!HostNames.isDnsName(suffix.substring(1)) || labelCount(wildcard) < MIN_WILDCARD_LABELS) {
			return false;
		}
		int firstDot = referenceName.indexOf('.');
		// The wildcard stands for exactly one non-empty label
		return firstDot > 0 && referenceName.substring(firstDot).equals(suffix);
	}

	private static int labelCount(String name) {
		return name.split("\\.", -1).length;
	}

	/**
	 * The most specific common name of the subject, the last one in X.500 order (RFC 6125
	 * §6.4.4).
	 */
	private static List<String> commonNames(X509Certificate certificate) {
		String commonName = null;
		try {
			LdapName subject = new LdapName(certificate.getSubjectX500Principal().getName(X500Principal.RFC2253));
			for (Rdn rdn : subject.getRdns()) {
				String value = commonName(rdn);
				commonName = (value != null) ? value : commonName;
			}
		}
		catch (InvalidNameException | RuntimeException ex) {
			// An unreadable subject names no host
			return List.of();
		}
		return (commonName != null) ? List.of(commonName) : List.of();
	}

	private static @Nullable String commonName(Rdn rdn) {
		Attribute attribute = rdn.toAttributes().get("CN");
		try {
			// Hex-encoded (non-string) values come back as byte[] and name no host
			return (attribute != null && attribute.get() instanceof String value) ? value : null;
		}
		catch (NamingException ex) {
			// BasicAttribute reads from memory; nothing to tell
			return null;
		}
	}

}
