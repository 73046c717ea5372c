package dev.tlswatch.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Sort.Direction;

/**
 * Reads the {@code sort} parameter of list requests: {@code property} or
 * {@code property,asc|desc}, repeatable, limited to the properties a list allows.
 * <p>
 * Spring splits a single {@code sort=host,desc} into two values and keeps repeated
 * parameters whole, so both arrive here as one list of tokens in which a direction
 * applies to the property before it.
 */
final class Paging {

	static final int DEFAULT_SIZE = 20;

	static final int MAX_SIZE = 200;

	static final String SORT = "sort";

	private Paging() {
	}

	static Sort sort(List<String> values, Set<String> allowed) {
		List<Sort.Order> orders = new ArrayList<>();
		for (String value : values) {
			for (String token : value.split(",")) {
				addToken(orders, token.strip(), allowed);
			}
		}
		return Sort.by(orders);
	}

	private static void addToken(List<Sort.Order> orders, String token, Set<String> allowed) {
		if (token.isEmpty()) {
			return;
		}
		Direction direction = Direction.fromOptionalString(token.toLowerCase(Locale.ROOT)).orElse(null);
		if (direction != null) {
			if (orders.isEmpty()) {
				throw ApiProblems.invalidParameter(SORT, "must start with a property, not '" + token + "'");
			}
			Sort.Order last = orders.remove(orders.size() - 1);
			orders.add(last.with(direction));
			return;
		}
		if (!allowed.contains(token)) {
			throw ApiProblems.invalidParameter(SORT,
					"cannot sort by '" + token + "'; use one of " + new TreeSet<>(allowed));
		}
		orders.add(Sort.Order.asc(token));
	}

}
