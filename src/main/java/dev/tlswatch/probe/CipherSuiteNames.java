package dev.tlswatch.probe;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Splits an IANA cipher-suite name into key exchange, authentication, cipher and MAC, and
 * classifies it. IANA names follow {@code TLS_<kx>_WITH_<cipher>_<mac>} (RFC 5246
 * appendix A.5) or, for TLS 1.3 (RFC 8446 §B.4), {@code TLS_<AEAD>_<HASH>}.
 */
final class CipherSuiteNames {

	private static final String PREFIX = "TLS_";

	private static final String WITH = "_WITH_";

	private static final String ANY = "ANY";

	private static final Set<String> EPHEMERAL_OR_STATIC_DH = Set.of("DH", "DHE", "ECDH", "ECDHE");

	// NULL: TLS_NULL_WITH_NULL_NULL, the initial state that must never be negotiated
	private static final Set<String> MAC_NAMES = Set.of("SHA", "SHA256", "SHA384", "SHA512", "MD5", "SM3", "OMAC",
			"IMIT", "NULL");

	private static final List<String> AEAD_MARKERS = List.of("GCM", "CCM", "POLY1305", "MGM", "AEGIS", "OCB");

	private CipherSuiteNames() {
	}

	static CipherSuite parse(int code, String name) {
		if (!name.startsWith(PREFIX)) {
			throw new IllegalArgumentException("Not an IANA cipher-suite name: " + name);
		}
		if (name.endsWith("_SCSV")) {
			return new CipherSuite(code, name, "NONE", "NONE", "NONE", 0, "NONE", CipherStrength.SIGNALLING, List.of());
		}
		String body = name.substring(PREFIX.length());
		int with = body.indexOf(WITH);
		String[] exchange = (with < 0) ? new String[] { ANY, ANY } : keyExchange(body.substring(0, with));
		boolean export = (with >= 0) && body.substring(0, with).contains("EXPORT");
		String[] cipherAndMac = cipherAndMac((with < 0) ? body : body.substring(with + WITH.length()));
		String cipher = cipherAndMac[0];
		String mac = cipherAndMac[1];
		int bits = bits(cipher);
		List<String> reasons = new ArrayList<>();
		CipherStrength strength = classify(exchange, cipher, mac, export, reasons);
		return new CipherSuite(code, name, exchange[0], exchange[1], cipher, bits, mac, strength, reasons);
	}

	/** Key exchange and authentication from the part before {@code _WITH_}. */
	private static String[] keyExchange(String part) {
		List<String> tokens = new ArrayList<>(Arrays.asList(part.split("_")));
		tokens.remove("EXPORT");
		String first = tokens.get(0);
		if (EPHEMERAL_OR_STATIC_DH.contains(first)) {
			return new String[] { first, (tokens.size() > 1) ? tokens.get(1) : first };
		}
		if (first.equals("PSK") && tokens.size() > 1) {
			// TLS_PSK_DHE_WITH_...: PSK authentication, DHE key exchange (RFC 6655)
			return new String[] { tokens.get(1), "PSK" };
		}
		if (first.equals("RSA")) {
			return new String[] { "RSA", (tokens.size() > 1) ? tokens.get(1) : "RSA" };
		}
		if (first.equals("SRP")) {
			return new String[] { "SRP", (tokens.size() > 2) ? tokens.get(2) : "SRP" };
		}
		String whole = String.join("_", tokens);
		return new String[] { whole, whole };
	}

	/** The cipher and the MAC (or PRF hash) from the part after {@code _WITH_}. */
	private static String[] cipherAndMac(String part) {
		if (part.matches("SHA\\d+_SHA\\d+")) {
			// TLS_SHA256_SHA256 and TLS_SHA384_SHA384: integrity only (RFC 9150)
			return new String[] { "NULL", part.substring(part.indexOf('_') + 1) };
		}
		int last = part.lastIndexOf('_');
		String tail = (last < 0) ? part : part.substring(last + 1);
		if (last > 0 && MAC_NAMES.contains(tail)) {
			return new String[] { part.substring(0, last), tail };
		}
		return new String[] { part, isAead(part) ? "AEAD" : part };
	}

	private static boolean isAead(String cipher) {
		return AEAD_MARKERS.stream().anyMatch(cipher::contains);
	}

	private static int bits(String cipher) {
		if (cipher.startsWith("NULL")) {
			return 0;
		}
		if (cipher.contains("40")) {
			return 40;
		}
		if (cipher.startsWith("3DES")) {
			return 112;
		}
		if (cipher.startsWith("DES")) {
			return 56;
		}
		if (cipher.startsWith("CHACHA20") || cipher.startsWith("KUZNYECHIK") || cipher.startsWith("MAGMA")
				|| cipher.startsWith("28147") || cipher.startsWith("AEGIS_256")) {
			return 256;
		}
		for (String token : cipher.split("_")) {
			if (token.matches("\\d{3}L?")) {
				return Integer.parseInt(token.replace("L", ""));
			}
		}
		// SEED, IDEA and SM4 have 128-bit keys
		return 128;
	}

	private static CipherStrength classify(String[] exchange, String cipher, String mac, boolean export,
			List<String> reasons) {
		insecurity(exchange, cipher, mac, export, reasons);
		if (!reasons.isEmpty()) {
			return CipherStrength.INSECURE;
		}
		if (!isAead(cipher)) {
			reasons.add(cipher.contains("CBC") ? "CBC mode without AEAD" : "no AEAD");
		}
		String keyExchange = exchange[0];
		if (!(keyExchange.startsWith("DHE") || keyExchange.startsWith("ECDHE") || keyExchange.equals(ANY)
				|| keyExchange.equals("ECCPWD"))) {
			reasons.add("no forward secrecy (" + keyExchange + " key exchange)");
		}
		return reasons.isEmpty() ? CipherStrength.STRONG : CipherStrength.WEAK;
	}

	private static void insecurity(String[] exchange, String cipher, String mac, boolean export, List<String> reasons) {
		if (cipher.startsWith("NULL")) {
			reasons.add("no encryption");
		}
		if (exchange[1].equals("anon") || exchange[0].equals("NULL")) {
			reasons.add("anonymous key exchange");
		}
		if (export) {
			reasons.add("export grade");
		}
		if (cipher.startsWith("RC4")) {
			reasons.add("RC4");
		}
		if (cipher.startsWith("RC2")) {
			reasons.add("RC2");
		}
		if (cipher.startsWith("3DES")) {
			reasons.add("3DES (64-bit block, Sweet32)");
		}
		else if (cipher.startsWith("DES")) {
			reasons.add("DES");
		}
		if (mac.equals("MD5")) {
			reasons.add("MD5 MAC");
		}
	}

}
