package dev.tlswatch.probe.wire;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.tlswatch.probe.ProbeOptions;
import dev.tlswatch.probe.ProbeTarget;
import dev.tlswatch.probe.SuiteEnumeration;
import dev.tlswatch.probe.TlsVersion;
import dev.tlswatch.probe.Vulnerability;
import dev.tlswatch.probe.VulnerabilityCheck;
import dev.tlswatch.probe.VulnerabilityResult;
import dev.tlswatch.probe.wire.RawSession.Flight;
import dev.tlswatch.probe.wire.RawSession.NoFlight;
import dev.tlswatch.probe.wire.RawSession.Record;
import org.jspecify.annotations.Nullable;

/**
 * ROBOT, Bleichenbacher's padding oracle in RSA key exchange, with exactly one connection
 * per query and {@value #QUERIES} queries: each offers the server's RSA key exchange
 * suites, encrypts one premaster secret block to the server's key (PKCS #1 v1.5, RFC 8017
 * §7.2.1), sends it with a ChangeCipherSpec and a Finished of random bytes, and notes the
 * server's answer (an alert, a close, a reset or silence). A server that answers every
 * block alike is not an oracle. One that answers a block with a wrong 0x00 0x02 prefix
 * otherwise than a well-formed one tells whether a block is PKCS #1 conformant: a strong
 * oracle in the ROBOT paper's sense. One that only tells apart blocks that start well but
 * break later (no separator, separator misplaced, wrong version) is a weak oracle, slower
 * to exploit but still one.
 */
final class RobotProbe implements VulnerabilityCheck {

	/** How many oracle queries, one connection each. */
	static final int QUERIES = Block.values().length;

	/** The premaster secret of RSA key exchange is 48 bytes, RFC 5246 §7.4.7.1. */
	static final int PREMASTER_LENGTH = 48;

	/** Random bytes sent as if an encrypted Finished. */
	static final int FAKE_FINISHED_LENGTH = 48;

	/** Records passed over while waiting for the answer. */
	private static final int MAX_RECORDS = 4;

	private static final SecureRandom random = new SecureRandom();

	@Override
	public Vulnerability vulnerability() {
		return Vulnerability.ROBOT;
	}

	@Override
	public VulnerabilityResult check(ProbeTarget target, ProbeOptions options,
			Map<TlsVersion, SuiteEnumeration> suites) {
		VulnerabilityOffer offer = VulnerabilityOffer.of(suites, (suite) -> suite.keyExchange().equals("RSA"));
		if (offer == null) {
			if (suites.values().stream().allMatch(SuiteEnumeration::complete) && !suites.isEmpty()) {
				return VulnerabilityResult.notVulnerable(Vulnerability.ROBOT, "No RSA key exchange suite", 0);
			}
			return VulnerabilityResult.notTested(Vulnerability.ROBOT, "No RSA key exchange suite is known", 0);
		}
		Map<Block, String> answers = new EnumMap<>(Block.class);
		int connections = 0;
		for (Block block : Block.values()) {
			connections++;
			Query query = query(target, options, offer, block);
			if (query.failure() != null) {
				return VulnerabilityResult.notTested(Vulnerability.ROBOT,
						"Query " + block.label + ": " + query.failure(), connections);
			}
			answers.put(block, query.answer());
		}
		return verdict(answers, connections);
	}

	/** Compares the answers to the well-formed block's. */
	static VulnerabilityResult verdict(Map<Block, String> answers, int connections) {
		String wellFormed = answers.get(Block.WELL_FORMED);
		List<String> different = new ArrayList<>();
		answers.forEach((block, answer) -> {
			if (!answer.equals(wellFormed)) {
				different.add(block.label + ": " + answer);
			}
		});
		if (different.isEmpty()) {
			return VulnerabilityResult.notVulnerable(Vulnerability.ROBOT,
					"The same answer to all " + answers.size() + " blocks (" + wellFormed + ")", connections);
		}
		String kind = answers.get(Block.WRONG_PREFIX).equals(wellFormed) ? "Weak oracle" : "Strong oracle";
		return VulnerabilityResult.vulnerable(Vulnerability.ROBOT,
				kind + ": well-formed block: " + wellFormed + "; " + String.join("; ", different), connections);
	}

	private static Query query(ProbeTarget target, ProbeOptions options, VulnerabilityOffer offer, Block block) {
		try (RawSession session = RawSession.open(target, options)) {
			Flight flight = session.flight(offer.hello(target).build());
			RSAPublicKey key = serverKey(flight);
			if (key == null) {
				return Query.failed("No RSA certificate in the flight");
			}
			byte[] encrypted = encrypt(key, block.encode(byteLength(key), offer.version()));
			session.send(offer.record(TlsRecords.HANDSHAKE, clientKeyExchange(offer.version(), encrypted)),
					offer.record(TlsRecords.CHANGE_CIPHER_SPEC, new byte[] { CcsInjectionProbe.CHANGE_CIPHER_SPEC }),
					offer.record(TlsRecords.HANDSHAKE, randomBytes(FAKE_FINISHED_LENGTH)));
			return Query.answered(answer(session));
		}
		catch (WireConnection.Failure | NoFlight ex) {
			return Query.failed(String.valueOf(ex.getMessage()));
		}
		catch (IOException ex) {
			return Query.failed("Sending the key exchange failed: " + WireConnection.describe(ex));
		}
	}

	/** The first alert, close, reset or silence after the key exchange. */
	private static String answer(RawSession session) {
		try {
			for (int i = 0; i < MAX_RECORDS; i++) {
				Record record = session.next();
				if (record == null) {
					return "closed";
				}
				if (record.type() == TlsRecords.ALERT) {
					return Checks.alert(record);
				}
			}
			return "no alert in " + MAX_RECORDS + " records";
		}
		catch (SocketTimeoutException ex) {
			return "no answer in time";
		}
		catch (SocketException ex) {
			return "reset";
		}
		catch (IOException | MalformedMessageException ex) {
			return "broken answer";
		}
	}

	/** The leaf of the Certificate message (RFC 5246 §7.4.2), if it holds an RSA key. */
	private static @Nullable RSAPublicKey serverKey(Flight flight) {
		byte[] body = flight.message(Handshakes.CERTIFICATE);
		if (body == null) {
			return null;
		}
		try {
			TlsReader list = new TlsReader(body).u24Prefixed("certificate_list");
			TlsReader leaf = list.u24Prefixed("ASN.1Cert");
			byte[] der = leaf.bytes(leaf.remaining(), "ASN.1Cert");
			X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
				.generateCertificate(new ByteArrayInputStream(der));
			return (certificate.getPublicKey() instanceof RSAPublicKey rsa) ? rsa : null;
		}
		catch (MalformedMessageException | CertificateException ex) {
			return null;
		}
	}

	private static int byteLength(RSAPublicKey key) {
		return (key.getModulus().bitLength() + 7) / 8;
	}

	/** RSAEP, RFC 8017 §5.1.1: the block to the power e modulo n, as k bytes. */
	static byte[] encrypt(RSAPublicKey key, byte[] block) {
		BigInteger c = new BigInteger(1, block).modPow(key.getPublicExponent(), key.getModulus());
		byte[] magnitude = c.toByteArray();
		byte[] out = new byte[block.length];
		int copy = Math.min(magnitude.length, out.length);
		System.arraycopy(magnitude, magnitude.length - copy, out, out.length - copy, copy);
		return out;
	}

	/**
	 * RFC 5246 §7.4.7.1: EncryptedPreMasterSecret, with a length prefix from TLS 1.0 on;
	 * SSL 3.0 sends the bare block (RFC 6101 §5.6.7.1).
	 */
	private static byte[] clientKeyExchange(TlsVersion version, byte[] encrypted) {
		TlsWriter body = new TlsWriter();
		if (version == TlsVersion.SSL_3_0) {
			body.bytes(encrypted);
		}
		else {
			body.u16Prefixed((block) -> block.bytes(encrypted));
		}
		return Handshakes.message(RawSession.CLIENT_KEY_EXCHANGE, body.toByteArray());
	}

	static byte[] randomBytes(int length) {
		byte[] bytes = new byte[length];
		random.nextBytes(bytes);
		return bytes;
	}

	/** Random bytes none of which is zero: PKCS #1 padding string. */
	static byte[] nonZeroBytes(int length) {
		byte[] bytes = randomBytes(length);
		for (int i = 0; i < bytes.length; i++) {
			while (bytes[i] == 0) {
				bytes[i] = (byte) random.nextInt(256);
			}
		}
		return bytes;
	}

	/**
	 * The five blocks of the ROBOT paper's test: one well-formed, four broken in one
	 * place each.
	 */
	enum Block {

		/** 0x00 0x02, padding, 0x00, the offered version and 46 random bytes. */
		WELL_FORMED("well-formed"),

		/** As well-formed, but starting 0x41 0x17. */
		WRONG_PREFIX("wrong first bytes"),

		/** The 0x00 separator 8 bytes early, so the premaster is 56 bytes long. */
		MISPLACED_SEPARATOR("0x00 misplaced"),

		/** No 0x00 separator at all. */
		NO_SEPARATOR("no 0x00 separator"),

		/** As well-formed, but with version 0x0202 in the premaster. */
		WRONG_VERSION("wrong version");

		private final String label;

		Block(String label) {
			this.label = label;
		}

		String label() {
			return this.label;
		}

		/** RFC 8017 §7.2.1: EM = 0x00 || 0x02 || PS || 0x00 || M, broken as named. */
		byte[] encode(int modulusLength, TlsVersion version) {
			byte[] block = nonZeroBytes(modulusLength);
			block[0] = 0x00;
			block[1] = 0x02;
			int separator = modulusLength - PREMASTER_LENGTH - 1;
			int versionCode = version.code();
			switch (this) {
				case WRONG_PREFIX -> {
					block[0] = 0x41;
					block[1] = 0x17;
				}
				case MISPLACED_SEPARATOR -> separator -= 8;
				case WRONG_VERSION -> versionCode = 0x0202;
				default -> {
				}
			}
			if (this != NO_SEPARATOR) {
				block[separator] = 0x00;
			}
			block[modulusLength - PREMASTER_LENGTH] = (byte) (versionCode >>> 8);
			block[modulusLength - PREMASTER_LENGTH + 1] = (byte) versionCode;
			return block;
		}

	}

	/**
	 * One query's answer, or why there is none.
	 */
	private record Query(@Nullable String answer, @Nullable String failure) {

		static Query answered(String answer) {
			return new Query(answer, null);
		}

		static Query failed(String failure) {
			return new Query(null, failure);
		}

		@Override
		public String answer() {
			return Objects.requireNonNull(this.answer);
		}

	}

}
