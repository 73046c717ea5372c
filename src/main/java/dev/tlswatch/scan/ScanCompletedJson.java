package dev.tlswatch.scan;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.module.SimpleModule;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * How {@link ScanCompleted} is kept in the event publication registry: as the ids of the
 * scan (and its endpoint), which is stored in the same transaction as the publication.
 * Listeners get the event itself; the stored form is read only when an unfinished
 * publication is resubmitted (after a failure or a restart), and then the scan is loaded
 * again. A whole scan as JSON was the largest row written per scan, serialized for every
 * scan and almost never read.
 */
@Component
class ScanCompletedJson extends SimpleModule {

	static final String SCAN_ID = "scanId";

	ScanCompletedJson(ObjectProvider<Scans> scans) {
		super("tlswatch-scan-completed");
		addSerializer(ScanCompleted.class, new ValueSerializer<>() {

			@Override
			public void serialize(ScanCompleted event, JsonGenerator json, SerializationContext context) {
				json.writeStartObject();
				// the endpoint too, for whoever reads the table
				json.writeNumberProperty("endpointId", event.scan().endpointId());
				json.writeNumberProperty(SCAN_ID, event.scan().id());
				json.writeEndObject();
			}

		});
		addDeserializer(ScanCompleted.class, new ValueDeserializer<>() {

			@Override
			public ScanCompleted deserialize(JsonParser parser, DeserializationContext context) {
				JsonNode stored = context.readTree(parser);
				JsonNode whole = stored.get("scan");
				if (whole != null && !stored.has(SCAN_ID)) {
					// stored before events were kept by reference
					return new ScanCompleted(context.readTreeAsValue(whole, ScanDetails.class));
				}
				long scanId = scanId(stored);
				return new ScanCompleted(scans.getObject()
					.find(scanId)
					.orElseGet(() -> ScanDetails.gone(scanId, stored.path("endpointId").asLong())));
			}

		});
	}

	private static long scanId(JsonNode stored) {
		JsonNode id = stored.get(SCAN_ID);
		if (id == null || !id.canConvertToLong()) {
			throw new IllegalArgumentException("A stored scan event without its scan id: " + stored);
		}
		return id.asLong();
	}

}
