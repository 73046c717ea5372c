package dev.tlswatch.probe.cert;

import java.net.InetAddress;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import dev.tlswatch.probe.HostNames;
import org.jspecify.annotations.Nullable;

/**
 * The DNS and IP subject alternative names of a certificate (RFC 5280 §4.2.1.6), in the
 * order of the extension. Other name types are left out.
 *
 * @param names the DNS and IP names, IP addresses in {@link InetAddress} text form
 * @param unreadable whether the extension is present but could not be decoded
 */
record SubjectAltNames(List<Name> names, boolean unreadable) {

	// RFC 5280 §4.2.1.6 GeneralName tags
	private static final int DNS_NAME = 2;

	private static final int IP_ADDRESS = 7;

	SubjectAltNames {
		names = List.copyOf(names);
	}

	/**
	 * Read the names of a certificate. Never throws: an undecodable extension is reported
	 * as {@link #unreadable()}.
	 * @param certificate the certificate
	 * @return its DNS and IP names
	 */
	static SubjectAltNames of(X509Certificate certificate) {
		Collection<List<?>> entries;
		try {
			entries = certificate.getSubjectAlternativeNames();
		}
		catch (CertificateParsingException | RuntimeException ex) {
			// Hostile or broken encoding: the certificate still gets reported
			return new SubjectAltNames(List.of(), true);
		}
		if (entries == null) {
			return new SubjectAltNames(List.of(), false);
		}
		List<Name> names = new ArrayList<>();
		for (List<?> entry : entries) {
			Name name = toName(entry);
			if (name != null) {
				names.add(name);
			}
		}
		return new SubjectAltNames(names, false);
	}

	boolean isEmpty() {
		return this.names.isEmpty();
	}

	List<String> dnsNames() {
		return this.names.stream().filter((name) -> name.type() == Type.DNS).map(Name::value).toList();
	}

	List<String> ipAddresses() {
		return this.names.stream().filter((name) -> name.type() == Type.IP).map(Name::value).toList();
	}

	private static @Nullable Name toName(List<?> entry) {
		if (entry.size() < 2 || !(entry.get(0) instanceof Integer type) || !(entry.get(1) instanceof String value)) {
			return null;
		}
		if (type == DNS_NAME) {
			return new Name(Type.DNS, value);
		}
		if (type == IP_ADDRESS) {
			InetAddress address = HostNames.parseIpLiteral(value);
			return (address != null) ? new Name(Type.IP, address.getHostAddress()) : null;
		}
		return null;
	}

	enum Type {

		DNS, IP

	}

	/**
	 * One name.
	 *
	 * @param type DNS or IP
	 * @param value the DNS name as presented, or the normalized IP address text
	 */
	record Name(Type type, String value) {

	}

}
