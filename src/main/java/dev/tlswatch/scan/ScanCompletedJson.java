package dev.tlswatch.scan;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.module.SimpleModule;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * How {@link ScanCompleted} is kept in the event publication registry: as the reference
 * to its scan ({@link ScanEventJson}). Listeners get the event itself; the stored form is
 * read only when an unfinished publication is resubmitted (after a failure or a restart),
 * and then the scan is loaded again. A whole scan as JSON was the largest row written per
 * scan, serialized for every scan and almost never read.
 */
@Component
class ScanCompletedJson extends SimpleModule {

	ScanCompletedJson(ObjectProvider<Scans> scans) {
		super("tlswatch-scan-completed");
		addSerializer(ScanCompleted.class, new ValueSerializer<>() {

			@Override
			public void serialize(ScanCompleted event, JsonGenerator json, SerializationContext context) {
				json.writeStartObject();
				ScanEventJson.writeReference(event.scan(), json);
				json.writeEndObject();
			}

		});
		addDeserializer(ScanCompleted.class, new ValueDeserializer<>() {

			@Override
			public ScanCompleted deserialize(JsonParser parser, DeserializationContext context) {
				return new ScanCompleted(ScanEventJson.readScan(context.readTree(parser), context, scans.getObject()));
			}

		});
	}

}
