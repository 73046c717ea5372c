package dev.tlswatch.fleet;

import java.util.Collection;
import java.util.Map;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;

/**
 * The fleet module's API: read-only questions over all endpoints and their latest scans.
 */
public interface Fleet {

	/**
	 * Counts, upcoming expiries, grades and protocol usage of the whole fleet.
	 * @return the overview as of now
	 */
	FleetOverview overview();

	/**
	 * The endpoints that match a filter, in the requested order.
	 * @param filter what to keep
	 * @param sort how to order
	 * @param pageable which page (its sort is ignored: see {@code sort})
	 * @return endpoint ids of the page, in order, with the total count
	 */
	Page<Long> find(FleetFilter filter, FleetSort sort, Pageable pageable);

	/**
	 * The grade of each endpoint's latest scan: the worst grade of its addresses, as the
	 * grade filter and sort see it.
	 * @param endpointIds the endpoints
	 * @return grade ({@code A+}, {@code B}, ...) by endpoint id; endpoints without a
	 * graded scan are absent
	 */
	Map<Long, String> grades(Collection<Long> endpointIds);

}
