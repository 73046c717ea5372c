package dev.tlswatch.scan;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An endpoint's last full probe as a quick check reads it: the scan (without its chains'
 * certificates) and the rows its quick rows may refer to.
 *
 * @param scan the full probe
 * @param sourceRows the id of its row of each address, the first of each address as
 * {@link ScanStore} carries it; an address whose first row refers to another row itself
 * is absent, so that a quick check copies its facts instead
 * @param storedCertificates the SHA-256 of every certificate its rows' chains hold: they
 * are stored, and a quick check that saw the same chain need not store them again
 */
record LastFull(ScanDetails scan, Map<String, Long> sourceRows, Set<String> storedCertificates) {

	LastFull {
		sourceRows = Map.copyOf(sourceRows);
		storedCertificates = Set.copyOf(storedCertificates);
	}

	/**
	 * The last full probe as read from its stored rows.
	 * @param scan the full probe
	 * @param rows its stored rows with their chains, in id order
	 * @return what a quick check reads of it
	 */
	static LastFull of(ScanDetails scan, List<ScanAddress> rows) {
		return new LastFull(scan, sourceRows(rows),
				rows.stream().flatMap((row) -> row.getChain().stream()).collect(Collectors.toSet()));
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
