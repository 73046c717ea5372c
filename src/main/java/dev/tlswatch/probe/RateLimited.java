package dev.tlswatch.probe;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What a rate limit does to a full probe's results: an answer the server may have cut (a
 * connection closed or reset without an answer) is not known, never a refusal; a list of
 * suites or groups may lack some.
 */
final class RateLimited {

	private RateLimited() {
	}

	static List<VersionSupport> versions(List<VersionSupport> versions, RateLimit limit) {
		return versions.stream().map((version) -> unknownIfCut(version, limit)).toList();
	}

	private static VersionSupport unknownIfCut(VersionSupport version, RateLimit limit) {
		String detail = version.detail();
		boolean cut = version.verdict() == VersionVerdict.REJECTED && detail != null
				&& (detail.startsWith("Connection reset") || detail.startsWith("Connection closed"));
		return cut ? new VersionSupport(version.version(), VersionVerdict.ERROR,
				"Not known, " + limit.describe() + " (" + detail + ")") : version;
	}

	static Map<TlsVersion, SuiteEnumeration> suites(Map<TlsVersion, SuiteEnumeration> suites, RateLimit limit) {
		Map<TlsVersion, SuiteEnumeration> marked = new EnumMap<>(TlsVersion.class);
		suites
			.forEach((version, enumeration) -> marked.put(version,
					enumeration.complete() ? new SuiteEnumeration(enumeration.version(), enumeration.accepted(),
							enumeration.order(), enumeration.connections(), "Server " + limit.describe())
							: enumeration));
		return marked;
	}

	static List<GroupEnumeration> groups(List<GroupEnumeration> groups, RateLimit limit) {
		return groups.stream()
			.map((enumeration) -> enumeration.complete() ? new GroupEnumeration(enumeration.version(),
					enumeration.accepted(), enumeration.connections(), "Server " + limit.describe()) : enumeration)
			.toList();
	}

}
