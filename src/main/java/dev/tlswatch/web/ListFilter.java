package dev.tlswatch.web;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.tlswatch.endpoint.TlsMode;
import dev.tlswatch.finding.EndpointStatus;
import dev.tlswatch.fleet.FleetFilter;
import dev.tlswatch.fleet.FleetSort;
import dev.tlswatch.probe.TlsVersion;
import org.jspecify.annotations.Nullable;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * The endpoint list's filter as query parameters. Values that are not one of the choices
 * are ignored rather than rejected: a stale bookmark still shows a list.
 *
 * @param q text in the host, SNI name or tags
 * @param status a status name
 * @param grade a grade ({@code A+} ... {@code F}, {@code T}, {@code M})
 * @param mode a TLS mode name
 * @param expiring days: the leaf expires within them (or has expired)
 * @param tag an exact tag
 * @param accepts a protocol version name the latest scan saw accepted
 * @param pq {@code yes} or {@code no}: post-quantum key exchange accepted
 * @param sort a {@link FleetSort} name, in lower case
 */
public record ListFilter(@Nullable String q, @Nullable String status, @Nullable String grade, @Nullable String mode,
		@Nullable Integer expiring, @Nullable String tag, @Nullable String accepts, @Nullable String pq,
		@Nullable String sort) {

	/** The longest search text used; longer input is cut. */
	static final int MAX_TEXT = 253;

	static final int MAX_EXPIRING_DAYS = 3650;

	static final Choices CHOICES = new Choices(
			Arrays.stream(EndpointStatus.values()).map((s) -> new Choice(s.name(), StatusBadge.of(s).label())).toList(),
			List.of("A+", "A", "A-", "B", "C", "D", "E", "F", "T", "M").stream().map((g) -> new Choice(g, g)).toList(),
			Arrays.stream(TlsMode.values())
				.map((m) -> new Choice(m.name(),
						(m == TlsMode.AUTO) ? "Auto" : EndpointPageView.EndpointHeader.label(m)))
				.toList(),
			Arrays.stream(TlsVersion.values()).map((v) -> new Choice(v.name(), v.displayName())).toList(),
			List.of(new Choice("host", "Host"), new Choice("expiry", "Soonest expiry"),
					new Choice("status", "Most severe status"), new Choice("grade", "Worst grade"),
					new Choice("last_scan", "Latest scan")));

	FleetFilter toFleetFilter() {
		return new FleetFilter(text(), parse(EndpointStatus.class, this.status), grade(),
				parse(TlsMode.class, this.mode), expiringDays(), shortText(this.tag),
				parse(TlsVersion.class, this.accepts), postQuantum());
	}

	FleetSort sortOrder() {
		FleetSort order = parse(FleetSort.class, this.sort);
		return (order != null) ? order : FleetSort.HOST;
	}

	/** Whether anything narrows the list. */
	public boolean active() {
		return toFleetFilter().active();
	}

	/**
	 * The list's address with this filter, for page links.
	 * @param path the list's path
	 * @return the path with the filter's parameters
	 */
	String queryString(String path) {
		UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path);
		parameters().forEach(uri::queryParam);
		return uri.encode().build().toUriString();
	}

	private Map<String, Object> parameters() {
		Map<String, Object> parameters = new LinkedHashMap<>();
		FleetFilter filter = toFleetFilter();
		put(parameters, "q", filter.text());
		put(parameters, "status", (filter.status() != null) ? filter.status().name() : null);
		put(parameters, "grade", filter.grade());
		put(parameters, "mode", (filter.tlsMode() != null) ? filter.tlsMode().name() : null);
		put(parameters, "expiring", filter.expiringWithinDays());
		put(parameters, "tag", filter.tag());
		put(parameters, "accepts", (filter.accepts() != null) ? filter.accepts().name() : null);
		put(parameters, "pq", (filter.postQuantum() != null) ? (filter.postQuantum() ? "yes" : "no") : null);
		if (sortOrder() != FleetSort.HOST) {
			parameters.put("sort", sortOrder().name().toLowerCase(java.util.Locale.ROOT));
		}
		return parameters;
	}

	private static void put(Map<String, Object> parameters, String name, @Nullable Object value) {
		if (value != null) {
			parameters.put(name, value);
		}
	}

	private @Nullable String text() {
		return shortText(this.q);
	}

	private @Nullable String validGrade() {
		return CHOICES.grades()
			.stream()
			.map(Choice::value)
			.filter((g) -> g.equals(this.grade))
			.findFirst()
			.orElse(null);
	}

	private @Nullable Integer expiringDays() {
		return (this.expiring == null || this.expiring < 0) ? null : Math.min(this.expiring, MAX_EXPIRING_DAYS);
	}

	private @Nullable Boolean postQuantum() {
		return "yes".equals(this.pq) ? Boolean.TRUE : "no".equals(this.pq) ? Boolean.FALSE : null;
	}

	private static @Nullable String shortText(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String stripped = text.strip();
		return (stripped.length() > MAX_TEXT) ? stripped.substring(0, MAX_TEXT) : stripped;
	}

	private static <E extends Enum<E>> @Nullable E parse(Class<E> type, @Nullable String name) {
		if (name == null || name.isBlank()) {
			return null;
		}
		try {
			return Enum.valueOf(type, name.strip().toUpperCase(java.util.Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			// A stale or edited link: show the unfiltered list instead of an error.
			return null;
		}
	}

	/**
	 * The filter's select options.
	 *
	 * @param statuses status choices
	 * @param grades grade choices
	 * @param modes TLS mode choices
	 * @param versions protocol version choices
	 * @param sorts sort choices
	 */
	record Choices(List<Choice> statuses, List<Choice> grades, List<Choice> modes, List<Choice> versions,
			List<Choice> sorts) {
	}

	/**
	 * One select option.
	 *
	 * @param value the parameter value
	 * @param label what the user reads
	 */
	record Choice(String value, String label) {
	}

}
