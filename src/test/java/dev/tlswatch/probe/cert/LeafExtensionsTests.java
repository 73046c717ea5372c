package dev.tlswatch.probe.cert;

import java.io.ByteArrayOutputStream;

import dev.tlswatch.support.TestCertificates;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LeafExtensionsTests {

	@Test
	void countsEmbeddedSignedCertificateTimestamps() {
		byte[] list = sctList(new byte[47], new byte[52]);

		var leaf = TestCertificates.leaf("ct.example")
			.extension(LeafExtensions.SCT_LIST_OID, octetString(list))
			.selfSigned()
			.certificate();

		assertThat(LeafExtensions.sctCount(leaf)).isEqualTo(2);
	}

	@Test
	void malformedOrMissingSctListCountsNothing() {
		byte[] lying = { 0x00, 0x7F, 0x00, 0x01, 0x00 };
		var malformed = TestCertificates.leaf("bad-ct.example")
			.extension(LeafExtensions.SCT_LIST_OID, octetString(lying))
			.selfSigned()
			.certificate();
		var none = TestCertificates.leaf("no-ct.example").selfSigned().certificate();

		assertThat(LeafExtensions.sctCount(malformed)).isZero();
		assertThat(LeafExtensions.sctCount(none)).isZero();
	}

	@Test
	void recognisesMustStaple() {
		// SEQUENCE { INTEGER 5 } (RFC 7633: status_request)
		var stapled = TestCertificates.leaf("staple.example")
			.extension(LeafExtensions.TLS_FEATURE_OID, new byte[] { 0x30, 0x03, 0x02, 0x01, 0x05 })
			.selfSigned()
			.certificate();
		// SEQUENCE { INTEGER 17 } (status_request_v2 only)
		var other = TestCertificates.leaf("v2.example")
			.extension(LeafExtensions.TLS_FEATURE_OID, new byte[] { 0x30, 0x03, 0x02, 0x01, 0x11 })
			.selfSigned()
			.certificate();

		assertThat(LeafExtensions.mustStaple(stapled)).isTrue();
		assertThat(LeafExtensions.mustStaple(other)).isFalse();
		assertThat(LeafExtensions.mustStaple(TestCertificates.leaf("plain.example").selfSigned().certificate()))
			.isFalse();
	}

	/** A TLS SignedCertificateTimestampList (RFC 6962 §3.3) of opaque entries. */
	private static byte[] sctList(byte[]... entries) {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		for (byte[] entry : entries) {
			body.write(entry.length >> 8);
			body.write(entry.length & 0xFF);
			body.writeBytes(entry);
		}
		ByteArrayOutputStream list = new ByteArrayOutputStream();
		list.write(body.size() >> 8);
		list.write(body.size() & 0xFF);
		list.writeBytes(body.toByteArray());
		return list.toByteArray();
	}

	private static byte[] octetString(byte[] content) {
		ByteArrayOutputStream der = new ByteArrayOutputStream();
		der.write(0x04);
		der.write(0x81);
		der.write(content.length);
		der.writeBytes(content);
		return der.toByteArray();
	}

}
