package dev.tlswatch.revocation;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.bouncycastle.asn1.ASN1IA5String;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;

/**
 * Where a certificate says its revocation status can be learned: the OCSP responders of
 * its Authority Information Access extension (RFC 5280 §4.2.2.1) and the CRL distribution
 * points (RFC 5280 §4.2.1.13). Only {@code http} URLs count: LDAP and HTTPS are not
 * fetched (HTTPS would need a revocation check of its own).
 */
final class Pointers {

	/** More pointers than this in one certificate are ignored. */
	static final int MAX_POINTERS = 4;

	private Pointers() {
	}

	/**
	 * The OCSP responder URLs.
	 * @param certificate the certificate
	 * @return the http URLs, at most {@link #MAX_POINTERS}
	 */
	static List<URI> ocspResponders(X509Certificate certificate) {
		List<URI> urls = new ArrayList<>();
		try {
			byte[] value = certificate.getExtensionValue(Extension.authorityInfoAccess.getId());
			if (value == null) {
				return urls;
			}
			AuthorityInformationAccess access = AuthorityInformationAccess
				.getInstance(JcaX509ExtensionUtils.parseExtensionValue(value));
			for (AccessDescription description : access.getAccessDescriptions()) {
				if (AccessDescription.id_ad_ocsp.equals(description.getAccessMethod())) {
					add(urls, description.getAccessLocation());
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// A malformed extension names no responder; the answer says there is none
		}
		return urls;
	}

	/**
	 * The CRL distribution point URLs.
	 * @param certificate the certificate
	 * @return the http URLs, at most {@link #MAX_POINTERS}
	 */
	static List<URI> crlDistributionPoints(X509Certificate certificate) {
		List<URI> urls = new ArrayList<>();
		try {
			byte[] value = certificate.getExtensionValue(Extension.cRLDistributionPoints.getId());
			if (value == null) {
				return urls;
			}
			CRLDistPoint points = CRLDistPoint.getInstance(JcaX509ExtensionUtils.parseExtensionValue(value));
			for (DistributionPoint point : points.getDistributionPoints()) {
				DistributionPointName name = point.getDistributionPoint();
				if (name != null && name.getType() == DistributionPointName.FULL_NAME) {
					for (GeneralName general : GeneralNames.getInstance(name.getName()).getNames()) {
						add(urls, general);
					}
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// A malformed extension names no distribution point; the answer says there is
			// none
		}
		return urls;
	}

	private static void add(List<URI> urls, GeneralName name) {
		if (name.getTagNo() != GeneralName.uniformResourceIdentifier || urls.size() >= MAX_POINTERS) {
			return;
		}
		String text = ASN1IA5String.getInstance(name.getName()).getString();
		try {
			URI url = new URI(text);
			if (url.getScheme() != null && "http".equals(url.getScheme().toLowerCase(Locale.ROOT))) {
				urls.add(url);
			}
		}
		catch (URISyntaxException ex) {
			// Not a URL: nothing to fetch
		}
	}

}
