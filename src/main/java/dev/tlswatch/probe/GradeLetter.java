package dev.tlswatch.probe;

/**
 * The letter of a grade, best first, in the scale of the SSL Labs SSL Server Rating Guide
 * (A+ and A- since revision 2009e; T and M since SSL Labs 1.10, June 2014).
 */
public enum GradeLetter {

	/** Exceptional: A with no warnings and HSTS for at least six months (2009e). */
	A_PLUS("A+"),

	/** Score of 80 or more. */
	A("A"),

	/** An A with one or more warnings (2009e). */
	A_MINUS("A-"),

	/** Score of 65 or more, or capped. */
	B("B"),

	/** Score of 50 or more, or capped. */
	C("C"),

	/** Score of 35 or more. */
	D("D"),

	/** Score of 20 or more. */
	E("E"),

	/** Score under 20, or failed. */
	F("F"),

	/**
	 * The certificate is not trusted (untrusted, expired, not yet valid, self-signed,
	 * insecure key or signature); the grade if trust were fixed is kept beside it.
	 */
	T("T"),

	/** The certificate does not match the name; the grade otherwise is kept beside it. */
	M("M");

	private final String displayName;

	GradeLetter(String displayName) {
		this.displayName = displayName;
	}

	/**
	 * The letter as shown.
	 * @return {@code A+}, {@code A}, {@code A-}, {@code B} ... {@code F}, {@code T} or
	 * {@code M}
	 */
	public String displayName() {
		return this.displayName;
	}

	/**
	 * Whether this is a letter of the A+ to F scale rather than T or M.
	 * @return {@code true} for A+ to F
	 */
	public boolean isScale() {
		return this != T && this != M;
	}

}
