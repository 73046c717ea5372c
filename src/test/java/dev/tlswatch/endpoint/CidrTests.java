package dev.tlswatch.endpoint;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CidrTests {

	@ParameterizedTest
	@CsvSource({ "10.0.0.0/8, 10.0.0.0, true", "10.0.0.0/8, 10.255.255.255, true", "10.0.0.0/8, 11.0.0.0, false",
			"10.0.0.0/8, 9.255.255.255, false", "172.16.0.0/12, 172.31.1.1, true", "172.16.0.0/12, 172.32.0.0, false",
			"192.168.1.128/25, 192.168.1.255, true", "192.168.1.128/25, 192.168.1.127, false",
			"0.0.0.0/0, 203.0.113.7, true", "0.0.0.0/0, ::1, false", "203.0.113.7, 203.0.113.7, true",
			"203.0.113.7, 203.0.113.8, false", "fc00::/7, fd12:3456::1, true", "fc00::/7, fe00::1, false",
			"fe80::/10, febf:ffff::1, true", "fe80::/10, fec0::1, false", "::/0, 2001:db8::1, true",
			"::/0, 10.0.0.1, false", "2001:db8::/32, 2001:db8:ffff::1, true", "2001:db8::/32, 2001:db9::1, false",
			"::1, ::1, true", "::1, ::2, false", "fd00:ec2::254/128, fd00:ec2::254, true" })
	void matchesAddressesInsideTheNetworkOnly(String cidr, String address, boolean expected) {
		assertThat(Cidr.parse(cidr).contains(address(address))).isEqualTo(expected);
	}

	@Test
	void ipv4MappedAddressesMatchAsTheirIpv4Address() throws UnknownHostException {
		byte[] mapped = new byte[16];
		mapped[10] = (byte) 0xff;
		mapped[11] = (byte) 0xff;
		mapped[12] = (byte) 169;
		mapped[13] = (byte) 254;
		mapped[14] = (byte) 169;
		mapped[15] = (byte) 254;
		// Inet6Address.getByAddress keeps the IPv6 form that InetAddress.getByName
		// reduces.
		InetAddress address = Inet6Address.getByAddress(null, mapped, null);
		assertThat(address).isInstanceOf(Inet6Address.class);

		assertThat(Cidr.parse("169.254.0.0/16").contains(address)).isTrue();
		assertThat(Cidr.canonicalBytes(address)).hasSize(4);
	}

	@Test
	void ipv4MappedNetworksBecomeIpv4Networks() {
		Cidr mapped = Cidr.parse("::ffff:10.0.0.0/104");

		assertThat(mapped).isEqualTo(Cidr.parse("10.0.0.0/8"));
		assertThat(mapped.contains(address("10.1.2.3"))).isTrue();
		assertThat(Cidr.parse("::ffff:0:0/96")).isEqualTo(Cidr.parse("0.0.0.0/0"));
	}

	@Test
	void printsTheCanonicalForm() {
		assertThat(Cidr.parse(" 10.0.0.0/8 ")).hasToString("10.0.0.0/8");
		assertThat(Cidr.parse("FD00:0EC2:0:0:0:0:0:0254")).hasToString("fd00:ec2::254/128");
		assertThat(Cidr.parse("2001:db8::/32")).hasToString("2001:db8::/32");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", " ", "10.0.0.0/", "10.0.0.0/33", "::/129", "10.0.0.0/-1", "10.0.0.0/08",
			"10.0.0.0/1234", "10.0.0/8", "10.0.0.256/32", "010.0.0.0/8", "example.com/8", "10.0.0.0/8/8",
			"1:2:3:4:5:6:7:8:9/64", "fe80::1%eth0/64", "10.0.0.1/8", "fe80::1/10", "[::1]/128" })
	void rejectsWhatIsNotANetwork(String text) {
		assertThatIllegalArgumentException().isThrownBy(() -> Cidr.parse(text))
			.withMessageContaining("Invalid network");
	}

	@Test
	void rejectsOverlongInputWithoutEchoingItWhole() {
		String text = "1".repeat(10_000) + "/8";
		assertThatIllegalArgumentException().isThrownBy(() -> Cidr.parse(text))
			.satisfies((ex) -> assertThat(ex.getMessage()).hasSizeLessThan(200));
	}

	@Test
	void zeroPrefixMatchesItsWholeFamily() {
		assertThat(Cidr.parse("0.0.0.0/0").contains(address("255.255.255.255"))).isTrue();
		assertThat(Cidr.parse("::/0").contains(address("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"))).isTrue();
	}

	static InetAddress address(String literal) {
		try {
			return InetAddress.getByName(literal);
		}
		catch (UnknownHostException ex) {
			throw new IllegalArgumentException(literal, ex);
		}
	}

}
