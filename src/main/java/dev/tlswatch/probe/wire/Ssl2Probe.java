package dev.tlswatch.probe.wire;

import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.tlswatch.probe.ProbeOptions;
import dev.tlswatch.probe.ProbeTarget;
import dev.tlswatch.probe.Ssl2Prober;
import dev.tlswatch.probe.Ssl2Support;
import dev.tlswatch.probe.VersionVerdict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks a server for SSL 2.0 with one CLIENT-HELLO offering every SSL 2.0 cipher kind, and
 * reads the first answer with {@link Ssl2ServerHelloReader}: TCP connect within the
 * connect timeout, the target's STARTTLS dialogue, the CLIENT-HELLO, and the answer, all
 * after the connect within the handshake timeout. Stateless, hence thread-safe.
 *
 * @see Ssl2Prober
 */
public final class Ssl2Probe implements Ssl2Prober {

	/** The version code of SSL 2.0 (SSL 2.0 draft, "CLIENT-HELLO"). */
	static final int SSL2_VERSION = 0x0002;

	/** MSG-CLIENT-HELLO. */
	static final int MSG_CLIENT_HELLO = 1;

	/** The length of the challenge; the draft allows 16 to 32 bytes. */
	static final int CHALLENGE_LENGTH = 16;

	/** The cipher kinds of the SSL 2.0 draft, each three bytes, by code. */
	static final Map<Integer, String> CIPHER_KINDS = Map.of(0x010080, "SSL_CK_RC4_128_WITH_MD5", 0x020080,
			"SSL_CK_RC4_128_EXPORT40_WITH_MD5", 0x030080, "SSL_CK_RC2_128_CBC_WITH_MD5", 0x040080,
			"SSL_CK_RC2_128_CBC_EXPORT40_WITH_MD5", 0x050080, "SSL_CK_IDEA_128_CBC_WITH_MD5", 0x060040,
			"SSL_CK_DES_64_CBC_WITH_MD5", 0x0700C0, "SSL_CK_DES_192_EDE3_CBC_WITH_MD5");

	// The order offered: strongest first, as old clients did
	private static final List<Integer> OFFERED = List.of(0x0700C0, 0x010080, 0x030080, 0x050080, 0x060040, 0x020080,
			0x040080);

	private static final SecureRandom random = new SecureRandom();

	private static final Logger logger = LoggerFactory.getLogger(Ssl2Probe.class);

	@Override
	public Ssl2Support probe(ProbeTarget target, ProbeOptions options) {
		Objects.requireNonNull(target, "target");
		Objects.requireNonNull(options, "options");
		try {
			Ssl2Support support = WireConnection.exchange(target, options, clientHello(), Ssl2ServerHelloReader::read);
			logger.debug("SSL 2.0 of {}: {} ({})", target, support.verdict(), support.detail());
			return support;
		}
		catch (WireConnection.Failure ex) {
			logger.debug("SSL 2.0 of {} not tested: {}", target, ex.getMessage());
			return new Ssl2Support(ex.timedOut() ? VersionVerdict.TIMEOUT : VersionVerdict.ERROR, List.of(),
					ProtocolVersionProbe.bounded(ex.getMessage()));
		}
	}

	/**
	 * An SSL 2.0 CLIENT-HELLO in a record with a two-byte header: no session id, every
	 * cipher kind, a random challenge.
	 * @return the record
	 */
	static byte[] clientHello() {
		byte[] challenge = new byte[CHALLENGE_LENGTH];
		random.nextBytes(challenge);
		TlsWriter message = new TlsWriter();
		message.u8(MSG_CLIENT_HELLO);
		message.u16(SSL2_VERSION);
		message.u16(OFFERED.size() * 3);
		message.u16(0); // session id length
		message.u16(CHALLENGE_LENGTH);
		OFFERED.forEach(message::u24);
		message.bytes(challenge);
		byte[] body = message.toByteArray();
		TlsWriter record = new TlsWriter();
		// Two-byte header: the high bit set, then a 15-bit length (SSL 2.0 draft, "Record
		// Header")
		record.u16(0x8000 | body.length);
		record.bytes(body);
		return record.toByteArray();
	}

	/**
	 * The name of a cipher kind.
	 * @param code the three-byte code
	 * @return its name in the SSL 2.0 draft, or the code as {@code 0x010080}
	 */
	static String cipherKindName(int code) {
		String name = CIPHER_KINDS.get(code);
		return (name != null) ? name : "0x%06X".formatted(code);
	}

}
