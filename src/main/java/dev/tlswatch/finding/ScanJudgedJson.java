package dev.tlswatch.finding;

import java.util.List;

import dev.tlswatch.scan.ScanDetails;
import dev.tlswatch.scan.ScanEventJson;
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
 * (findings and status, a few hundred bytes) with the reference to the scan judged
 * ({@link ScanEventJson}) instead of the whole scan. Listeners get the event itself; the
 * stored form is read only when an unfinished publication is resubmitted, and then the
 * scan is loaded again; one deleted since reads back as {@link ScanDetails#gone}, which
 * the alert rules skip.
 */
@Component
class ScanJudgedJson extends SimpleModule {

	private static final String FINDINGS = "findings";

	private static final String STATUS = "status";

	ScanJudgedJson(ObjectProvider<Scans> scans) {
		super("tlswatch-scan-judged");
		addSerializer(ScanJudged.class, new ValueSerializer<>() {

			@Override
			public void serialize(ScanJudged event, JsonGenerator json, SerializationContext context) {
				json.writeStartObject();
				ScanEventJson.writeReference(event.scan(), json);
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
				JsonNode findings = stored.get(FINDINGS);
				JsonNode status = stored.get(STATUS);
				if (findings == null || status == null) {
					throw new IllegalArgumentException("A stored verdict without its findings or status");
				}
				ScanDetails scan = ScanEventJson.readScan(stored, context, scans.getObject());
				return new ScanJudged(scan, List.of(context.readTreeAsValue(findings, FindingDetails[].class)),
						EndpointStatus.valueOf(status.asString()));
			}

		});
	}

}
