package dev.tlswatch.probe.wire;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.Arrays;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link FfdhePrimes} against the primes of RFC 7919 Appendix A, computed here from the
 * formula the RFC gives rather than copied.
 */
class FfdhePrimesTests {

	private static final HexFormat hex = HexFormat.of();

	@ParameterizedTest
	@CsvSource({ "2048, 560316, 256", "3072, 2625351, 257", "4096, 5736041, 258", "6144, 15705020, 259",
			"8192, 10965728, 260" })
	void everyRfc7919PrimeIsKnown(int bits, long x, int code) throws Exception {
		byte[] prime = unsigned(rfc7919Prime(bits, x));

		assertThat(prime).hasSize(bits / 8);
		assertThat(FfdhePrimes.group(new TlsReader(serverDhParams(prime)))).isEqualTo(code);
	}

	@Test
	void leadingZeroIsIgnored() throws Exception {
		byte[] prime = unsigned(rfc7919Prime(2048, 560316));
		byte[] withZero = new byte[prime.length + 1];
		System.arraycopy(prime, 0, withZero, 1, prime.length);

		assertThat(FfdhePrimes.group(new TlsReader(serverDhParams(withZero)))).isEqualTo(0x0100);
	}

	@Test
	void anyOtherPrimeIsNoGroup() throws Exception {
		byte[] prime = unsigned(rfc7919Prime(2048, 560316).add(BigInteger.TWO));

		assertThat(FfdhePrimes.group(new TlsReader(serverDhParams(prime)))).isNull();
	}

	@Test
	void emptyPrimeIsMalformed() {
		assertThatExceptionOfType(MalformedMessageException.class)
			.isThrownBy(() -> FfdhePrimes.group(new TlsReader(hex.parseHex("0000" + "000102" + "000103"))))
			.withMessage("Empty dh_p in the ServerKeyExchange");
	}

	@Test
	void truncatedParametersAreMalformed() {
		assertThatExceptionOfType(MalformedMessageException.class)
			.isThrownBy(() -> FfdhePrimes.group(new TlsReader(hex.parseHex("0004" + "ffff"))))
			.withMessage("dh_p needs 4 bytes but only 2 remain");
	}

	/**
	 * ServerDHParams with a prime, generator 2 and a public value of one byte.
	 * @param prime the prime's bytes
	 * @return the encoded parameters
	 */
	static byte[] serverDhParams(byte[] prime) {
		return hex.parseHex("%04x".formatted(prime.length) + hex.formatHex(prime) + "000102" + "000103");
	}

	/**
	 * RFC 7919 Appendix A: p = 2^b - 2^{b-64} + {[2^{b-130} e] + X} * 2^64 - 1.
	 * @param bits b
	 * @param x the group's X
	 * @return the prime
	 */
	static BigInteger rfc7919Prime(int bits, long x) {
		BigDecimal e = euler(new MathContext(bits / 3 + 50));
		BigInteger floor = e.multiply(new BigDecimal(BigInteger.ONE.shiftLeft(bits - 130))).toBigInteger();
		return BigInteger.ONE.shiftLeft(bits)
			.subtract(BigInteger.ONE.shiftLeft(bits - 64))
			.add(floor.add(BigInteger.valueOf(x)).shiftLeft(64))
			.subtract(BigInteger.ONE);
	}

	/**
	 * The big-endian bytes of a positive number, without a sign byte.
	 * @param value the number
	 * @return its bytes
	 */
	static byte[] unsigned(BigInteger value) {
		byte[] bytes = value.toByteArray();
		return (bytes[0] == 0) ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
	}

	/** e = sum of 1/k!, to the precision asked. */
	private static BigDecimal euler(MathContext precision) {
		BigDecimal sum = BigDecimal.ZERO;
		BigDecimal term = BigDecimal.ONE;
		for (int k = 1; term.compareTo(BigDecimal.ONE.movePointLeft(precision.getPrecision())) > 0; k++) {
			sum = sum.add(term, precision);
			term = term.divide(BigDecimal.valueOf(k), precision);
		}
		return sum;
	}

}
