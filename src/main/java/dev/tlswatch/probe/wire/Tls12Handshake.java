package dev.tlswatch.probe.wire;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.security.interfaces.XECPublicKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.XECPublicKeySpec;
import java.util.Arrays;
import java.util.List;

import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import dev.tlswatch.probe.ProbeTarget;
import dev.tlswatch.probe.TlsVersion;
import dev.tlswatch.probe.wire.RawSession.Flight;
import dev.tlswatch.probe.wire.RawSession.Message;
import dev.tlswatch.probe.wire.RawSession.NoFlight;
import dev.tlswatch.probe.wire.RawSession.Record;
import org.jspecify.annotations.Nullable;

/**
 * The least of a TLS 1.2 client (RFC 5246) that completes a full handshake, for the
 * checks that need one (insecure renegotiation, Ticketbleed): AES-128-CBC with HMAC-SHA1,
 * with RSA key exchange or ECDHE over X25519, the PRF of RFC 5246 §5, and records
 * encrypted as §6.2.3.2 says. It does not check the server's certificate, signature or
 * Finished: it only has to get as far as a server lets a client, never to keep a secret.
 */
final class Tls12Handshake {

	/** TLS_RSA_WITH_AES_128_CBC_SHA, RFC 5246 Appendix A.5. */
	static final int RSA_AES_128_CBC_SHA = 0x002F;

	/** TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA, RFC 8422 §6. */
	static final int ECDHE_RSA_AES_128_CBC_SHA = 0xC013;

	/** TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA, RFC 8422 §6. */
	static final int ECDHE_ECDSA_AES_128_CBC_SHA = 0xC009;

	/** The suites this client can finish a handshake with. */
	static final List<Integer> SUITES = List.of(ECDHE_RSA_AES_128_CBC_SHA, ECDHE_ECDSA_AES_128_CBC_SHA,
			RSA_AES_128_CBC_SHA);

	/** ExtensionType session_ticket, RFC 5077 §3.2. */
	static final int SESSION_TICKET = 35;

	/** HandshakeType new_session_ticket, RFC 5077 §3.3. */
	static final int NEW_SESSION_TICKET = 4;

	/** ECCurveType named_curve, RFC 8422 §5.4. */
	private static final int NAMED_CURVE = 3;

	private static final int MAC_LENGTH = 20;

	private static final int KEY_LENGTH = 16;

	private static final int BLOCK_LENGTH = 16;

	private static final int MASTER_SECRET_LENGTH = 48;

	private static final int VERIFY_DATA_LENGTH = 12;

	/** Records read at most while waiting for the server's Finished. */
	private static final int MAX_RECORDS = 8;

	private static final SecureRandom random = new SecureRandom();

	private final RawSession session;

	private final ByteArrayOutputStream transcript = new ByteArrayOutputStream();

	private byte @Nullable [] ticket;

	private byte[] clientMacKey = new byte[0];

	private byte[] clientKey = new byte[0];

	private long sequence;

	private Tls12Handshake(RawSession session) {
		this.session = session;
	}

	/**
	 * Complete a full handshake.
	 * @param session the open connection
	 * @param target the target, for SNI
	 * @param suites the suites to offer, some of {@link #SUITES}
	 * @param renegotiationInfo whether to offer secure renegotiation (RFC 5746)
	 * @return the client side of the established connection
	 * @throws NoFlight if the server did not answer with a flight
	 * @throws Failed if the handshake could not be completed
	 */
	static Tls12Handshake complete(RawSession session, ProbeTarget target, List<Integer> suites,
			boolean renegotiationInfo) throws NoFlight, Failed {
		Tls12Handshake handshake = new Tls12Handshake(session);
		handshake.run(target, suites, renegotiationInfo);
		session.handshakeCompleted();
		return handshake;
	}

	/**
	 * The ticket the server gave in its NewSessionTicket (RFC 5077 §3.3).
	 * @return the ticket, {@code null} if it gave none
	 */
	byte @Nullable [] ticket() {
		return this.ticket;
	}

	/**
	 * Send a record encrypted under the connection's keys.
	 * @param contentType its content type
	 * @param plaintext its content
	 * @throws IOException if sending failed
	 */
	void sendEncrypted(int contentType, byte[] plaintext) throws IOException {
		this.session.send(encrypt(contentType, plaintext));
	}

	private void run(ProbeTarget target, List<Integer> suites, boolean renegotiationInfo) throws NoFlight, Failed {
		byte[] clientRandom = randomBytes(Handshakes.RANDOM_LENGTH);
		ClientHelloBuilder builder = ClientHelloBuilder.offering(TlsVersion.TLS_1_2)
			.serverName(WireConnection.serverName(target))
			.cipherSuites(suites)
			.groups(List.of(NamedGroup.X25519.code()))
			.random(clientRandom)
			.extension(SESSION_TICKET, new byte[0]);
		if (!renegotiationInfo) {
			builder.withoutRenegotiationInfo();
		}
		byte[] hello = builder.build();
		this.transcript.writeBytes(Arrays.copyOfRange(hello, TlsRecords.HEADER_LENGTH, hello.length));
		Flight flight = this.session.flight(hello);
		flight.messages().forEach(this::remember);
		try {
			KeyExchange exchange = keyExchange(flight);
			byte[] clientKeyExchange = Handshakes.message(RawSession.CLIENT_KEY_EXCHANGE, exchange.message());
			this.transcript.writeBytes(clientKeyExchange);
			byte[] master = prf(exchange.premaster(), "master secret", concat(clientRandom, flight.random()),
					MASTER_SECRET_LENGTH);
			byte[] keys = prf(master, "key expansion", concat(flight.random(), clientRandom),
					2 * MAC_LENGTH + 2 * KEY_LENGTH);
			this.clientMacKey = Arrays.copyOfRange(keys, 0, MAC_LENGTH);
			this.clientKey = Arrays.copyOfRange(keys, 2 * MAC_LENGTH, 2 * MAC_LENGTH + KEY_LENGTH);
			byte[] verifyData = prf(master, "client finished", sha256(this.transcript.toByteArray()),
					VERIFY_DATA_LENGTH);
			this.session.send(record(TlsRecords.HANDSHAKE, clientKeyExchange),
					record(TlsRecords.CHANGE_CIPHER_SPEC, new byte[] { 1 }),
					encrypt(TlsRecords.HANDSHAKE, Handshakes.message(RawSession.FINISHED, verifyData)));
			awaitServerFinished();
		}
		catch (GeneralSecurityException | MalformedMessageException ex) {
			throw new Failed("The handshake failed: " + ex.getMessage());
		}
		catch (IOException ex) {
			throw new Failed("The handshake failed: " + WireConnection.describe(ex));
		}
	}

	private void remember(Message message) {
		this.transcript.write(message.type());
		int length = message.body().length;
		this.transcript.write(length >>> 16);
		this.transcript.write(length >>> 8);
		this.transcript.write(length);
		this.transcript.writeBytes(message.body());
	}

	/**
	 * The server's NewSessionTicket (sent in the clear before its ChangeCipherSpec), its
	 * ChangeCipherSpec, then one encrypted record: its Finished, not checked.
	 */
	private void awaitServerFinished() throws IOException, MalformedMessageException, Failed {
		boolean changed = false;
		for (int i = 0; i < MAX_RECORDS; i++) {
			Record record = this.session.next();
			if (record == null) {
				throw new Failed("The server closed the connection instead of finishing the handshake");
			}
			if (record.type() == TlsRecords.ALERT && !changed) {
				throw new Failed("The server refused to finish the handshake: " + Checks.alert(record));
			}
			if (changed) {
				return;
			}
			if (record.type() == TlsRecords.CHANGE_CIPHER_SPEC) {
				changed = true;
			}
			else if (record.type() == TlsRecords.HANDSHAKE) {
				readTicket(record.fragment());
			}
		}
		throw new Failed("No Finished from the server");
	}

	/** RFC 5077 §3.3: uint32 lifetime hint, opaque ticket{@code <0..2^16-1>}. */
	private void readTicket(byte[] fragment) throws MalformedMessageException {
		TlsReader message = new TlsReader(fragment);
		if (message.u8() != NEW_SESSION_TICKET) {
			return;
		}
		TlsReader body = message.u24Prefixed("NewSessionTicket");
		body.bytes(4, "ticket_lifetime_hint");
		TlsReader ticket = body.u16Prefixed("ticket");
		this.ticket = ticket.bytes(ticket.remaining(), "ticket");
	}

	private static KeyExchange keyExchange(Flight flight)
			throws GeneralSecurityException, MalformedMessageException, Failed {
		if (flight.cipherSuite() == RSA_AES_128_CBC_SHA) {
			return rsa(flight);
		}
		if (flight.cipherSuite() == ECDHE_RSA_AES_128_CBC_SHA || flight.cipherSuite() == ECDHE_ECDSA_AES_128_CBC_SHA) {
			return x25519(flight);
		}
		throw new Failed("The server chose a suite not offered: " + Hex.u16(flight.cipherSuite()));
	}

	/** RFC 5246 §7.4.7.1: version and 46 random bytes, RSA-encrypted to the leaf. */
	private static KeyExchange rsa(Flight flight) throws GeneralSecurityException, MalformedMessageException, Failed {
		byte[] premaster = randomBytes(MASTER_SECRET_LENGTH);
		premaster[0] = 0x03;
		premaster[1] = 0x03;
		Cipher rsa = Cipher.getInstance("RSA/ECB/PKCS1Padding");
		rsa.init(Cipher.ENCRYPT_MODE, leafKey(flight));
		byte[] encrypted = rsa.doFinal(premaster);
		return new KeyExchange(premaster, new TlsWriter().u16Prefixed((block) -> block.bytes(encrypted)).toByteArray());
	}

	/** RFC 8422 §5.4 and §5.7: the server's X25519 point, ours, and the shared secret. */
	private static KeyExchange x25519(Flight flight)
			throws GeneralSecurityException, MalformedMessageException, Failed {
		byte[] body = flight.message(Handshakes.SERVER_KEY_EXCHANGE);
		if (body == null) {
			throw new Failed("No ServerKeyExchange");
		}
		TlsReader parameters = new TlsReader(body);
		if (parameters.u8() != NAMED_CURVE || parameters.u16() != NamedGroup.X25519.code()) {
			throw new Failed("The server did not choose X25519");
		}
		TlsReader point = parameters.u8Prefixed("ECPoint");
		byte[] serverPoint = point.bytes(point.remaining(), "ECPoint");
		if (serverPoint.length != X25519KeyShare.KEY_LENGTH) {
			throw new Failed("An X25519 point of " + serverPoint.length + " bytes");
		}
		KeyPair pair = KeyPairGenerator.getInstance("X25519").generateKeyPair();
		byte[] reversed = serverPoint.clone();
		for (int i = 0; i < reversed.length / 2; i++) {
			byte swap = reversed[i];
			reversed[i] = reversed[reversed.length - 1 - i];
			reversed[reversed.length - 1 - i] = swap;
		}
		PublicKey serverKey = KeyFactory.getInstance("X25519")
			.generatePublic(new XECPublicKeySpec(NamedParameterSpec.X25519, new BigInteger(1, reversed)));
		KeyAgreement agreement = KeyAgreement.getInstance("X25519");
		agreement.init(pair.getPrivate());
		agreement.doPhase(serverKey, true);
		byte[] shared = agreement.generateSecret();
		byte[] ours = X25519KeyShare.encode(((XECPublicKey) pair.getPublic()).getU());
		return new KeyExchange(shared, new TlsWriter().u8Prefixed((data) -> data.bytes(ours)).toByteArray());
	}

	private static RSAPublicKey leafKey(Flight flight)
			throws GeneralSecurityException, MalformedMessageException, Failed {
		byte[] body = flight.message(Handshakes.CERTIFICATE);
		if (body == null) {
			throw new Failed("No Certificate");
		}
		TlsReader leaf = new TlsReader(body).u24Prefixed("certificate_list").u24Prefixed("ASN.1Cert");
		X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
			.generateCertificate(new ByteArrayInputStream(leaf.bytes(leaf.remaining(), "ASN.1Cert")));
		if (!(certificate.getPublicKey() instanceof RSAPublicKey key)) {
			throw new Failed("The leaf has no RSA key");
		}
		return key;
	}

	/**
	 * RFC 5246 §6.2.3.2: an explicit IV, then the plaintext, its HMAC-SHA1 over sequence
	 * number, type, version and length, and padding, encrypted with AES-128-CBC.
	 */
	private byte[] encrypt(int contentType, byte[] plaintext) throws IOException {
		try {
			Mac mac = Mac.getInstance("HmacSHA1");
			mac.init(new SecretKeySpec(this.clientMacKey, "HmacSHA1"));
			mac.update(new TlsWriter().u16((int) (this.sequence >>> 48))
				.u16((int) ((this.sequence >>> 32) & 0xFFFF))
				.u16((int) ((this.sequence >>> 16) & 0xFFFF))
				.u16((int) (this.sequence & 0xFFFF))
				.u8(contentType)
				.u16(TlsVersion.TLS_1_2.code())
				.u16(plaintext.length)
				.toByteArray());
			byte[] tag = mac.doFinal(plaintext);
			this.sequence++;
			int padding = BLOCK_LENGTH - ((plaintext.length + tag.length) % BLOCK_LENGTH);
			byte[] padded = new byte[plaintext.length + tag.length + padding];
			System.arraycopy(plaintext, 0, padded, 0, plaintext.length);
			System.arraycopy(tag, 0, padded, plaintext.length, tag.length);
			Arrays.fill(padded, plaintext.length + tag.length, padded.length, (byte) (padding - 1));
			byte[] iv = randomBytes(BLOCK_LENGTH);
			Cipher aes = Cipher.getInstance("AES/CBC/NoPadding");
			aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(this.clientKey, "AES"), new IvParameterSpec(iv));
			return record(contentType, concat(iv, aes.doFinal(padded)));
		}
		catch (GeneralSecurityException ex) {
			throw new IOException("Unable to encrypt a record", ex);
		}
	}

	private static byte[] record(int contentType, byte[] fragment) {
		return TlsRecords.record(contentType, TlsVersion.TLS_1_2.code(), fragment);
	}

	/** RFC 5246 §5: P_SHA256(secret, label + seed), cut to the length wanted. */
	static byte[] prf(byte[] secret, String label, byte[] seed, int length) throws GeneralSecurityException {
		Mac hmac = Mac.getInstance("HmacSHA256");
		hmac.init(new SecretKeySpec(secret, "HmacSHA256"));
		byte[] labelled = concat(label.getBytes(StandardCharsets.US_ASCII), seed);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		byte[] a = labelled;
		while (out.size() < length) {
			a = hmac.doFinal(a);
			hmac.update(a);
			out.writeBytes(hmac.doFinal(labelled));
		}
		return Arrays.copyOf(out.toByteArray(), length);
	}

	private static byte[] sha256(byte[] data) throws GeneralSecurityException {
		return MessageDigest.getInstance("SHA-256").digest(data);
	}

	private static byte[] concat(byte[] first, byte[] second) {
		byte[] both = Arrays.copyOf(first, first.length + second.length);
		System.arraycopy(second, 0, both, first.length, second.length);
		return both;
	}

	private static byte[] randomBytes(int length) {
		byte[] bytes = new byte[length];
		random.nextBytes(bytes);
		return bytes;
	}

	/**
	 * The premaster secret and the ClientKeyExchange body that conveys it.
	 */
	private record KeyExchange(byte[] premaster, byte[] message) {

	}

	/**
	 * The handshake could not be completed.
	 */
	static final class Failed extends Exception {

		private static final long serialVersionUID = 1L;

		Failed(String detail) {
			super(detail, null, false, false);
		}

	}

}
