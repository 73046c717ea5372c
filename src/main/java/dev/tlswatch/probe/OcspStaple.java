package dev.tlswatch.probe;

import java.util.Arrays;

/**
 * An OCSP response a server stapled to its handshake for one certificate of its chain
 * (TLS 1.2: the leaf's CertificateStatus, RFC 6066 §8; TLS 1.3: any certificate entry,
 * RFC 8446 §4.4.2.1), kept as received so that it can be validated.
 *
 * @param position the certificate's position in the chain as sent, leaf 0
 * @param der the DER OCSPResponse (RFC 6960 §4.2.1), at most {@link #MAX_LENGTH} bytes
 */
public record OcspStaple(int position, byte[] der) {

	/** The largest staple kept: a TLS handshake message is at most 2^24 - 1 bytes. */
	public static final int MAX_LENGTH = 64 * 1024;

	public OcspStaple {
		if (position < 0) {
			throw new IllegalArgumentException("The position is not negative");
		}
		if (der.length == 0 || der.length > MAX_LENGTH) {
			throw new IllegalArgumentException("A staple has 1 to " + MAX_LENGTH + " bytes, not " + der.length);
		}
		der = der.clone();
	}

	@Override
	public byte[] der() {
		return this.der.clone();
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof OcspStaple staple && staple.position == this.position
				&& Arrays.equals(staple.der, this.der);
	}

	@Override
	public int hashCode() {
		return 31 * this.position + Arrays.hashCode(this.der);
	}

	@Override
	public String toString() {
		return "OcspStaple[position=" + this.position + ", " + this.der.length + " bytes]";
	}

}
