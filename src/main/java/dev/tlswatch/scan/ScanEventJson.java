package dev.tlswatch.scan;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;

/**
 * The scan of a scan event as the event publication registry keeps it: a reference (the
 * ids of the scan and its endpoint), since the scan is stored in the same transaction as
 * the publication. The event modules ({@code ScanCompletedJson}, and the finding module's
 * for its verdict) write their other fields around it. Reading it back loads the scan; a
 * scan deleted since (its endpoint deleted, or pruned by retention) reads as
 * {@link ScanDetails#gone}, so that a stored event never keeps the application from
 * starting; an event stored whole by an earlier version (its scan under {@code "scan"})
 * is still read.
 */
public final class ScanEventJson {

	private static final String ENDPOINT_ID = "endpointId";

	private static final String SCAN_ID = "scanId";

	private static final String WHOLE = "scan";

	private ScanEventJson() {
	}

	/**
	 * Writes the reference as two properties of the object being written.
	 * @param scan the event's scan
	 * @param json the generator, inside the event's object
	 */
	public static void writeReference(ScanDetails scan, JsonGenerator json) {
		// the endpoint too, for whoever reads the table
		json.writeNumberProperty(ENDPOINT_ID, scan.endpointId());
		json.writeNumberProperty(SCAN_ID, scan.id());
	}

	/**
	 * Reads the scan of a stored event.
	 * @param stored the stored event
	 * @param context the deserialization context
	 * @param scans where the scan is loaded from
	 * @return the scan, or {@link ScanDetails#gone} when it is no longer stored
	 */
	public static ScanDetails readScan(JsonNode stored, DeserializationContext context, Scans scans) {
		JsonNode id = stored.get(SCAN_ID);
		JsonNode whole = stored.get(WHOLE);
		if (id == null && whole != null) {
			// stored before events were kept by reference
			return context.readTreeAsValue(whole, ScanDetails.class);
		}
		if (id == null || !id.canConvertToLong()) {
			throw new IllegalArgumentException("A stored scan event without its scan id: " + stored);
		}
		long scanId = id.asLong();
		return scans.find(scanId).orElseGet(() -> ScanDetails.gone(scanId, stored.path(ENDPOINT_ID).asLong()));
	}

}
