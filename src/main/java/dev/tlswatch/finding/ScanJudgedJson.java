package dev.tlswatch.finding;

import java.util.List;

import dev.tlswatch.scan.ScanDetails;
import dev.tlswatch.scan.Scans;
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
 * How {@link ScanJudged} is kept in the event publication registry: the verdict itself
 * (findings and status, a few hundred bytes) with the id of the scan judged (and of its
 * endpoint) instead of the whole scan. Listeners get the event itself; the stored form is
 * read only when an unfinished publication is resubmitted, and then the scan is loaded
 * again.
 */
@Component
class ScanJudgedJson extends SimpleModule {

	private static final String SCAN_ID = "scanId";

	private static final String FINDINGS = "findings";

	private static final String STATUS = "status";

	ScanJudgedJson(ObjectProvider<Scans> scans) {
		super("tlswatch-scan-judged");
		addSerializer(ScanJudged.class, new ValueSerializer<>() {

			@Override
			public void serialize(ScanJudged event, JsonGenerator json, SerializationContext context) {
				json.writeStartObject();
				// the endpoint too, for whoever reads the table
				json.writeNumberProperty("endpointId", event.scan().endpointId());
				json.writeNumberProperty(SCAN_ID, event.scan().id());
				json.writeName(FINDINGS);
				context.writeValue(json, event.findings());
				json.writeStringProperty(STATUS, event.status().name());
				json.writeEndObject();
			}

		});
		addDeserializer(ScanJudged.class, new ValueDeserializer<>() {

			@Override
			public ScanJudged deserialize(JsonParser parser, DeserializationContext context) {
				JsonNode stored = context.readTree(parser);
				JsonNode id = stored.get(SCAN_ID);
				JsonNode findings = stored.get(FINDINGS);
				JsonNode status = stored.get(STATUS);
				JsonNode whole = stored.get("scan");
				if (findings == null || status == null || (id == null && whole == null)) {
					throw new IllegalArgumentException("A stored verdict without its scan, findings or status");
				}
				ScanDetails scan;
				if (id == null) {
					// stored before events were kept by reference
					scan = context.readTreeAsValue(whole, ScanDetails.class);
				}
				else {
					long scanId = id.asLong();
					scan = scans.getObject()
						.find(scanId)
						.orElseGet(() -> ScanDetails.gone(scanId, stored.path("endpointId").asLong()));
				}
				return new ScanJudged(scan, List.of(context.readTreeAsValue(findings, FindingDetails[].class)),
						EndpointStatus.valueOf(status.asString()));
			}

		});
	}

}
