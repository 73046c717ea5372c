package dev.tlswatch.probe.wire;

import java.util.HexFormat;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@link TlsWriter} and {@link TlsReader}: integers are big-endian, vectors carry their
 * length, and nothing is read or written out of bounds.
 */
class TlsWriterTests {

	@Test
	void integersAreBigEndian() {
		byte[] bytes = new TlsWriter().u8(0x01).u16(0x0203).u24(0x040506).toByteArray();

		assertThat(HexFormat.of().formatHex(bytes)).isEqualTo("010203040506");
	}

	@Test
	void vectorsArePrefixedWithTheirLength() {
		byte[] bytes = new TlsWriter().u8Prefixed((v) -> v.u16(0xAAAA))
			.u16Prefixed((v) -> v.u8(0xBB))
			.u24Prefixed((v) -> {
			})
			.toByteArray();

		assertThat(HexFormat.of().formatHex(bytes)).isEqualTo("02aaaa" + "0001bb" + "000000");
	}

	@Test
	void valuesAndVectorsThatDoNotFitAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new TlsWriter().u8(256));
		assertThatIllegalArgumentException().isThrownBy(() -> new TlsWriter().u16(-1));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new TlsWriter().u8Prefixed((v) -> v.bytes(new byte[256])));
	}

	@Test
	void readerReadsWhatTheWriterWrote() throws Exception {
		TlsReader reader = new TlsReader(
				new TlsWriter().u8(7).u16(0x0303).u24(0x010203).u16Prefixed((v) -> v.u8(9)).toByteArray());

		assertThat(reader.u8()).isEqualTo(7);
		assertThat(reader.u16()).isEqualTo(0x0303);
		assertThat(reader.u24()).isEqualTo(0x010203);
		TlsReader vector = reader.u16Prefixed("vector");
		assertThat(vector.u8()).isEqualTo(9);
		vector.expectEnd("vector");
		reader.expectEnd("all");
	}

	@Test
	void readerNeverReadsPastTheEnd() {
		TlsReader reader = new TlsReader(HexFormat.of().parseHex("00ff01"));

		assertThatExceptionOfType(MalformedMessageException.class).isThrownBy(() -> reader.u16Prefixed("list"))
			.withMessage("list needs 255 bytes but only 1 remain");
		assertThatExceptionOfType(MalformedMessageException.class).isThrownBy(() -> new TlsReader(new byte[2]).u24())
			.withMessage("uint24 needs 3 bytes but only 2 remain");
	}

}
