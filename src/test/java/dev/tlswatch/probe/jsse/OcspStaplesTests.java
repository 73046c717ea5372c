package dev.tlswatch.probe.jsse;

import java.util.List;

import dev.tlswatch.probe.Observed;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@link OcspStaples} makes of the responses JSSE received.
 */
class OcspStaplesTests {

	// OCSPResponse ::= SEQUENCE { responseStatus ENUMERATED } (RFC 6960 §4.2.1)
	private static final byte[] SUCCESSFUL = { 0x30, 0x03, 0x0a, 0x01, 0x00 };

	private static final byte[] TRY_LATER = { 0x30, 0x03, 0x0a, 0x01, 0x03 };

	@Test
	void readsTheResponseStatusInShortAndLongLengthForm() {
		assertThat(OcspStaples.responseStatus(SUCCESSFUL)).isZero();
		assertThat(OcspStaples.responseStatus(TRY_LATER)).isEqualTo(3);
		assertThat(OcspStaples.responseStatus(new byte[] { 0x30, (byte) 0x81, 0x03, 0x0a, 0x01, 0x06 })).isEqualTo(6);
	}

	@Test
	void malformedResponsesHaveNoStatus() {
		assertThat(OcspStaples.responseStatus(new byte[0])).isEqualTo(-1);
		assertThat(OcspStaples.responseStatus(new byte[] { 0x04, 0x03, 0x0a, 0x01, 0x00 })).isEqualTo(-1);
		// length beyond the array, and a length of length beyond what a staple needs
		assertThat(OcspStaples.responseStatus(new byte[] { 0x30, 0x7f, 0x0a, 0x01, 0x00 })).isEqualTo(-1);
		assertThat(OcspStaples.responseStatus(
				new byte[] { 0x30, (byte) 0x84, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x0a, 0x01, 0x00 }))
			.isEqualTo(-1);
		// an INTEGER where the ENUMERATED belongs, a status out of range, a cut-off
		// status
		assertThat(OcspStaples.responseStatus(new byte[] { 0x30, 0x03, 0x02, 0x01, 0x00 })).isEqualTo(-1);
		assertThat(OcspStaples.responseStatus(new byte[] { 0x30, 0x03, 0x0a, 0x01, 0x07 })).isEqualTo(-1);
		assertThat(OcspStaples.responseStatus(new byte[] { 0x30, 0x02, 0x0a, 0x01 })).isEqualTo(-1);
	}

	@Test
	void onlyASuccessfulResponseForTheLeafCountsAsStapled() {
		assertThat(OcspStaples.of(List.of(SUCCESSFUL)))
			.isEqualTo(Observed.of(true, "OCSP response stapled (5 bytes, successful)"));
		assertThat(OcspStaples.of(List.of())).isEqualTo(Observed.of(false, "No OCSP response stapled"));
		assertThat(OcspStaples.of(List.of(new byte[0], SUCCESSFUL)).value()).isFalse();
		assertThat(OcspStaples.of(List.of(TRY_LATER)))
			.isEqualTo(Observed.of(false, "The stapled OCSP response has status tryLater (3), which proves nothing"));
		assertThat(OcspStaples.of(List.of(new byte[] { 1, 2, 3 })))
			.isEqualTo(Observed.of(false, "The stapled data (3 bytes) is not a DER OCSP response"));
	}

}
