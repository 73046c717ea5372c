package dev.tlswatch.scan;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An endpoint's last full probe as a quick check reads it: the scan (without its chains'
 * certificates) and the rows its quick rows may refer to.
 *
 * @param scan the full probe
 * @param sourceRows the id of its row of each address, the first of each address as
 * {@link ScanStore} carries it; an address whose first row refers to another row itself
 * is absent, so that a quick check copies its facts instead
 */
record LastFull(ScanDetails scan, Map<String, Long> sourceRows) {

	LastFull {
		sourceRows = Map.copyOf(sourceRows);
	}

	/**
	 * The rows a quick check may refer to, from the full probe's stored rows in their
	 * order.
	 * @param rows the stored rows, in id order
	 * @return their ids by address
	 */
	static Map<String, Long> sourceRows(List<ScanAddress> rows) {
		Map<String, Long> first = new HashMap<>();
		Map<String, Boolean> referring = new HashMap<>();
		for (ScanAddress row : rows) {
			String address = row.getAddress();
			if (address != null && !first.containsKey(address)) {
				first.put(address, row.getId());
				referring.put(address, row.getCarriedFrom() != null);
			}
		}
		referring.forEach((address, refers) -> {
			if (refers) {
				first.remove(address);
			}
		});
		return first;
	}

}
