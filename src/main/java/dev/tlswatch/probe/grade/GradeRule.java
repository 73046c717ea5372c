package dev.tlswatch.probe.grade;

import dev.tlswatch.probe.GradeLetter;
import dev.tlswatch.probe.GradeReason;
import org.jspecify.annotations.Nullable;

/**
 * Every rule that can shape a grade, with the best letter it allows; each constant names
 * where it comes from: "guide" is the SSL Server Rating Guide's body
 * (github.com/ssllabs/research, revision 2009k of 14 October 2015), "2009x" the guide's
 * change list for that revision (2009l to 2009r on its wiki, through 2009r of 16 May
 * 2025), "SSL Labs 1.x" the release notes on blog.qualys.com that changed the grading
 * between revisions.
 */
enum GradeRule {

	// Certificate: "any of the following certificate issues immediately result in a zero
	// score" (guide, Certificate Inspection); shown as T or M since SSL Labs 1.10 (June
	// 2014), with the grade the server would otherwise get beside it.

	/** Not trusted: unknown CA or other validation error (guide; T since 1.10). */
	CERT_UNTRUSTED("Certificate not trusted", GradeLetter.T),

	/** Expired (guide; T since 1.10). */
	CERT_EXPIRED("Certificate expired", GradeLetter.T),

	/** Not yet valid (guide; T since 1.10). */
	CERT_NOT_YET_VALID("Certificate not yet valid", GradeLetter.T),

	/** Self-signed (guide; T since 1.10). */
	CERT_SELF_SIGNED("Self-signed certificate", GradeLetter.T),

	/** MD2 or MD5 signature (guide; MD5 since 2009e). */
	CERT_INSECURE_SIGNATURE("Insecure certificate signature", GradeLetter.T),

	/** Insecure key, under RSA 1024 (guide 2009k, certificate inspection). */
	CERT_INSECURE_KEY("Insecure certificate key", GradeLetter.T),

	/**
	 * Leaf not for serverAuth: "some other validation error" (guide), as every browser
	 * rejects it.
	 */
	CERT_NOT_FOR_SERVERS("Certificate not valid for server authentication", GradeLetter.T),

	/** Domain name mismatch (guide; M since 1.10). */
	HOSTNAME_MISMATCH("Certificate does not match the name", GradeLetter.M),

	/** SSL 2.0 is not allowed (2009c). */
	SSL2_ACCEPTED("SSL 2.0 accepted", GradeLetter.F),

	/** SSL 3.0 as the best protocol fails (2009i). */
	SSL3_BEST("SSL 3.0 is the best protocol", GradeLetter.F),

	/** SSL 3.0 caps at B (2009h). */
	SSL3_ACCEPTED("SSL 3.0 accepted", GradeLetter.B),

	/** TLS 1.0 caps at B (2009q, live 31 January 2020). */
	TLS10_ACCEPTED("TLS 1.0 accepted", GradeLetter.B),

	/** TLS 1.1 caps at B (2009q, live 31 January 2020). */
	TLS11_ACCEPTED("TLS 1.1 accepted", GradeLetter.B),

	/** No TLS 1.2 caps at C (2009j; B since 2009e); TLS 1.3 counts as support. */
	NO_TLS12("Neither TLS 1.2 nor TLS 1.3 supported", GradeLetter.C),

	/** No TLS 1.3 is a warning, A- (2009r). */
	NO_TLS13("TLS 1.3 not supported", GradeLetter.A_MINUS),

	/** Anonymous key exchange scores 0, and a zero category zeroes the score (guide). */
	ANONYMOUS_SUITES("Anonymous key exchange accepted", GradeLetter.F),

	/** Export suites fail (SSL Labs 1.17, May 2015: FREAK). */
	EXPORT_SUITES("Export suites accepted", GradeLetter.F),

	/** Suites under 112 bits fail (SSL Labs 1.28.3, 2017). */
	WEAK_CIPHERS("Suites with less than 112-bit encryption accepted", GradeLetter.F),

	/** RC4-only servers fail (2009k). */
	RC4_ONLY("Only RC4 suites accepted", GradeLetter.F),

	/** RC4 with TLS 1.1 or newer caps at C (2009j). */
	RC4_WITH_MODERN_PROTOCOLS("RC4 accepted with TLS 1.1 or newer", GradeLetter.C),

	/** RC4 caps at B (2009i). */
	RC4_ACCEPTED("RC4 accepted", GradeLetter.B),

	/** 3DES or another 64-bit block cipher with TLS 1.1+ caps at C (SSL Labs 1.28.3). */
	SMALL_BLOCK_WITH_MODERN_PROTOCOLS("64-bit block cipher (3DES, IDEA...) accepted with TLS 1.1 or newer",
			GradeLetter.C),

	/** No forward secrecy caps at B (SSL Labs 1.31, March 2018). */
	NO_FORWARD_SECRECY("No suite with forward secrecy", GradeLetter.B),

	/** No AEAD caps at B (SSL Labs 1.31, March 2018). */
	NO_AEAD("No AEAD suite", GradeLetter.B),

	/** Keys under 1024 bits are insecure, F (2009e). */
	KEY_UNDER_1024("Server key weaker than RSA 1024", GradeLetter.F),

	/** Keys under 2048 bits are weak, B (2009e). */
	KEY_UNDER_2048("Server key weaker than RSA 2048", GradeLetter.B),

	/** Insecure DH parameters fail (SSL Labs 1.17, May 2015: Logjam). */
	DH_UNDER_1024("DH parameters under 1024 bits", GradeLetter.F),

	/** Weak DH parameters cap at B (2009j). */
	DH_UNDER_2048("DH parameters under 2048 bits", GradeLetter.B),

	/** MD5 certificate signatures are insecure, F (2009e). */
	INSECURE_SIGNATURE("Certificate signed with MD5 or MD2", GradeLetter.F),

	/** Insecure renegotiation is not allowed (2009c). */
	INSECURE_RENEGOTIATION("Insecure renegotiation accepted", GradeLetter.F),

	/** Heartbleed fails (SSL Labs 2014). */
	HEARTBLEED("Vulnerable to Heartbleed", GradeLetter.F),

	/** OpenSSL CCS injection, exploitable, fails (SSL Labs 2014). */
	CCS_INJECTION("Vulnerable to CCS injection", GradeLetter.F),

	/** Ticketbleed fails (SSL Labs 2017). */
	TICKETBLEED("Vulnerable to Ticketbleed", GradeLetter.F),

	/** ROBOT fails (SSL Labs 2017-12). */
	ROBOT("Vulnerable to ROBOT", GradeLetter.F),

	/** DROWN fails (SSL Labs 2016-03). */
	DROWN("Vulnerable to DROWN", GradeLetter.F),

	/** FREAK fails (SSL Labs 2015-03). */
	FREAK("Vulnerable to FREAK", GradeLetter.F),

	/** Logjam fails (SSL Labs 2015-05). */
	LOGJAM("Vulnerable to Logjam", GradeLetter.F),

	/** POODLE (SSL 3.0 with CBC) caps at C (SSL Labs 2014-10). */
	POODLE("Vulnerable to POODLE (SSL 3.0 with CBC)", GradeLetter.C),

	/** CRIME caps at C (2009j; B since 2009c). */
	COMPRESSION("TLS compression accepted (CRIME)", GradeLetter.C),

	/** An incomplete chain caps at B (2009i). */
	CHAIN_INCOMPLETE("Chain incomplete", GradeLetter.B),

	/** No secure renegotiation is a warning, A- (2009e). */
	NO_SECURE_RENEGOTIATION("Secure renegotiation not supported", GradeLetter.A_MINUS),

	/** HSTS disabled or invalid is a warning, A- (2009r). */
	NO_HSTS("HSTS not enabled", GradeLetter.A_MINUS),

	/** A+ needs HSTS with a max-age of at least 6 months (2009e). */
	HSTS_SHORT("HSTS max-age under 6 months", GradeLetter.A),

	/** No A+ with a SHA-1 certificate (2009f). */
	SHA1_SIGNATURE("Certificate signed with SHA-1", GradeLetter.A),

	// Not tested: unknown is not false, so these limit nothing; only A+ needs proof of
	// HSTS

	NOT_TESTED_VERSIONS("Not tested: protocol versions", GradeLetter.A_PLUS),

	NOT_TESTED_SUITES("Not tested: cipher suites", GradeLetter.A_PLUS),

	NOT_TESTED_SERVER_KEY("Not tested: server key", GradeLetter.A_PLUS),

	NOT_TESTED_DH("Not tested: DH parameters", GradeLetter.A_PLUS),

	NOT_TESTED_ECDH("Not tested: ECDH group sizes", GradeLetter.A_PLUS),

	NOT_TESTED_TRUST("Not tested: certificate trust", GradeLetter.A_PLUS),

	NOT_TESTED_HOSTNAME("Not tested: certificate name", GradeLetter.A_PLUS),

	NOT_TESTED_CHAIN("Not tested: certificate chain", GradeLetter.A_PLUS),

	NOT_TESTED_SIGNATURE("Not tested: certificate signature", GradeLetter.A_PLUS),

	NOT_TESTED_SECURE_RENEGOTIATION("Not tested: secure renegotiation", GradeLetter.A_PLUS),

	NOT_TESTED_INSECURE_RENEGOTIATION("Not tested: insecure renegotiation", GradeLetter.A_PLUS),

	NOT_TESTED_COMPRESSION("Not tested: TLS compression", GradeLetter.A_PLUS),

	NOT_TESTED_HSTS("Not tested: HSTS", GradeLetter.A);

	private final String text;

	private final GradeLetter cap;

	GradeRule(String text, GradeLetter cap) {
		this.text = text;
		this.cap = cap;
	}

	GradeLetter cap() {
		return this.cap;
	}

	GradeReason reason(@Nullable String detail) {
		String sentence = (detail != null) ? this.text + " (" + detail + ")" : this.text;
		return new GradeReason(name(), sentence, this.cap);
	}

}
