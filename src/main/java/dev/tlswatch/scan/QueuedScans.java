package dev.tlswatch.scan;

import java.util.List;

/**
 * What a request to scan several endpoints did: which scans were queued and which the
 * "scan now" limits refused.
 *
 * @param queued the endpoints whose scan was queued, in the order asked for
 * @param refused the endpoints not scanned because they were asked about too soon
 */
public record QueuedScans(List<Long> queued, List<Long> refused) {

	public QueuedScans {
		queued = List.copyOf(queued);
		refused = List.copyOf(refused);
	}

}
