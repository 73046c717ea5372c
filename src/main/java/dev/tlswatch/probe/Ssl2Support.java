package dev.tlswatch.probe;

import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Whether a server accepts SSL 2.0, as its answer to an SSL 2.0 CLIENT-HELLO showed, and
 * the SSL 2.0 cipher kinds its SERVER-HELLO lists. Only {@link VersionVerdict#ACCEPTED}
 * and {@link VersionVerdict#REJECTED} say something about the server.
 *
 * @param verdict what the answer showed: a SERVER-HELLO is
 * {@link VersionVerdict#ACCEPTED}; an SSL 2.0 ERROR, a TLS answer, a close or anything
 * else that is not SSL 2.0 is {@link VersionVerdict#REJECTED}; an SSL 2.0 answer that
 * breaks the rules is {@link VersionVerdict#ERROR}
 * @param cipherKinds the cipher kinds the SERVER-HELLO lists, by their names in the SSL
 * 2.0 draft ({@code SSL_CK_RC4_128_WITH_MD5}) or as {@code 0x010080} for unknown ones;
 * empty unless accepted
 * @param detail the answer in a few words, {@code null} when there is nothing to add
 */
public record Ssl2Support(VersionVerdict verdict, List<String> cipherKinds, @Nullable String detail) {

	public Ssl2Support {
		Objects.requireNonNull(verdict, "verdict");
		cipherKinds = List.copyOf(cipherKinds);
		if (verdict != VersionVerdict.ACCEPTED && !cipherKinds.isEmpty()) {
			throw new IllegalArgumentException("Only a server that accepts SSL 2.0 lists cipher kinds");
		}
	}

	/**
	 * Whether the server accepts SSL 2.0.
	 * @return whether the verdict is {@link VersionVerdict#ACCEPTED}
	 */
	public boolean accepted() {
		return this.verdict == VersionVerdict.ACCEPTED;
	}

	/**
	 * The same as the support of {@link TlsVersion#SSL_2_0}, for whatever lists versions.
	 * @return the version support
	 */
	public VersionSupport asVersionSupport() {
		return new VersionSupport(TlsVersion.SSL_2_0, this.verdict, this.detail);
	}

}
