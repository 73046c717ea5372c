package dev.tlswatch.probe.cert;

import java.security.cert.X509Certificate;

import org.jspecify.annotations.Nullable;

/**
 * Reads two leaf extensions that matter to monitoring: embedded Signed Certificate
 * Timestamps (RFC 6962 §3.3) and the TLS Feature "must-staple" (RFC 7633). Reads bounded
 * DER and TLS encodings and treats anything malformed as absent.
 */
final class LeafExtensions {

	// RFC 6962 §3.3: the X.509v3 extension carrying a SignedCertificateTimestampList
	static final String SCT_LIST_OID = "1.3.6.1.4.1.11129.2.4.2";

	// RFC 7633 §6: id-pe-tlsfeature
	static final String TLS_FEATURE_OID = "1.3.6.1.5.5.7.1.24";

	// RFC 6066 §8: status_request, the feature that means "must staple"
	private static final int STATUS_REQUEST = 5;

	private static final int DER_OCTET_STRING = 0x04;

	private static final int DER_SEQUENCE = 0x30;

	private static final int DER_INTEGER = 0x02;

	// More SCTs than this is no real certificate; stop counting.
	private static final int MAX_SCTS = 64;

	private LeafExtensions() {
	}

	/**
	 * How many SCTs the certificate embeds.
	 * @param certificate the leaf
	 * @return the count, 0 when there is no (readable) SCT list
	 */
	static int sctCount(X509Certificate certificate) {
		byte[] list = unwrapOctetString(unwrapOctetString(certificate.getExtensionValue(SCT_LIST_OID)));
		if (list == null || list.length < 2) {
			return 0;
		}
		int total = uint16(list, 0);
		if (total != list.length - 2) {
			return 0;
		}
		int count = 0;
		int offset = 2;
		while (offset + 2 <= list.length && count < MAX_SCTS) {
			int length = uint16(list, offset);
			offset += 2 + length;
			if (length == 0 || offset > list.length) {
				return count;
			}
			count++;
		}
		return count;
	}

	/**
	 * Whether the certificate demands OCSP stapling.
	 * @param certificate the leaf
	 * @return whether its TLS Feature extension lists status_request
	 */
	static boolean mustStaple(X509Certificate certificate) {
		byte[] features = unwrapOctetString(certificate.getExtensionValue(TLS_FEATURE_OID));
		if (features == null || features.length < 2 || (features[0] & 0xFF) != DER_SEQUENCE) {
			return false;
		}
		int[] header = header(features, 0);
		if (header == null) {
			return false;
		}
		int offset = header[0];
		int end = Math.min(features.length, offset + header[1]);
		while (offset < end) {
			int[] integer = header(features, offset);
			if (integer == null || (features[offset] & 0xFF) != DER_INTEGER || integer[1] != 1) {
				return false;
			}
			if ((features[integer[0]] & 0xFF) == STATUS_REQUEST) {
				return true;
			}
			offset = integer[0] + integer[1];
		}
		return false;
	}

	private static byte @Nullable [] unwrapOctetString(byte @Nullable [] der) {
		if (der == null || der.length < 2 || (der[0] & 0xFF) != DER_OCTET_STRING) {
			return null;
		}
		int[] header = header(der, 0);
		if (header == null || header[0] + header[1] != der.length) {
			return null;
		}
		byte[] content = new byte[header[1]];
		System.arraycopy(der, header[0], content, 0, header[1]);
		return content;
	}

	/**
	 * The content offset and length of the DER element at {@code offset}, or {@code null}
	 * when its length is malformed or runs past the end.
	 */
	private static int @Nullable [] header(byte[] der, int offset) {
		if (offset + 2 > der.length) {
			return null;
		}
		int first = der[offset + 1] & 0xFF;
		int start = offset + 2;
		int length;
		if (first < 0x80) {
			length = first;
		}
		else {
			int octets = first & 0x7F;
			if (octets == 0 || octets > 3 || start + octets > der.length) {
				return null;
			}
			length = 0;
			for (int i = 0; i < octets; i++) {
				length = (length << 8) | (der[start + i] & 0xFF);
			}
			start += octets;
		}
		return (start + length <= der.length) ? new int[] { start, length } : null;
	}

	private static int uint16(byte[] bytes, int offset) {
		return ((bytes[offset] & 0xFF) << 8) | (bytes[offset + 1] & 0xFF);
	}

}
