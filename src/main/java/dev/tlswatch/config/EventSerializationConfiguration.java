package dev.tlswatch.config;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.core.EventSerializer;

/**
 * The serializer of the event publication registry: JSON by the application's
 * {@link JsonMapper}, as Spring Modulith's own, but with the mapper looked up once.
 * Modulith's looks it up in the bean factory for every event it stores, two per scan.
 */
@Configuration(proxyBeanMethods = false)
class EventSerializationConfiguration {

	@Bean
	EventSerializer eventSerializer(ObjectProvider<JsonMapper> mapper) {
		return new JsonEventSerializer(mapper
			.getIfAvailable(() -> JsonMapper.builder().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS).build()));
	}

	private record JsonEventSerializer(JsonMapper mapper) implements EventSerializer {

		@Override
		public Object serialize(Object event) {
			return this.mapper.writeValueAsString(event);
		}

		@Override
		public <T> T deserialize(Object serialized, Class<T> type) {
			return this.mapper.readerFor(type).readValue(serialized.toString());
		}

	}

}
