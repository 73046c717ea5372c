package dev.tlswatch.web;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Where a form may send the browser back to: a path of this site, given by the client
 * (for example {@code back=/alerts?state=OPEN}). Anything else, a control character
 * (which would split the {@code Location} header), a space, a backslash, another host
 * ({@code //evil.example}, {@code https://...}) or a path outside the allowed prefixes,
 * gives the fallback instead: a bad target is never an error.
 */
final class SameSitePath {

	/** Longer targets are not ours: our own links are far shorter. */
	static final int MAX_LENGTH = 2000;

	private SameSitePath() {
	}

	/**
	 * The target if it is safe, else the fallback.
	 * @param target the client's target, decoded
	 * @param allowedPrefixes the paths it must start with
	 * @param fallback where to go otherwise
	 * @return a same-site path
	 */
	static String orElse(@Nullable String target, List<String> allowedPrefixes, String fallback) {
		if (target == null || target.length() > MAX_LENGTH || !target.startsWith("/") || target.startsWith("//")
				|| !target.chars().allMatch(SameSitePath::uriCharacter)) {
			return fallback;
		}
		return allowedPrefixes.stream().anyMatch(target::startsWith) ? target : fallback;
	}

	/**
	 * RFC 3986 §2: unreserved, reserved and {@code %}; no control character, space,
	 * backslash, quote or non-ASCII character.
	 */
	private static boolean uriCharacter(int c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
				|| "-._~:/?#[]@!$&'()*+,;=%".indexOf(c) >= 0;
	}

}
