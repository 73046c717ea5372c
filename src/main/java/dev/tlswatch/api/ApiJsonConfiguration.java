package dev.tlswatch.api;

import java.util.Arrays;

import dev.tlswatch.endpoint.TlsMode;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.DeserializationProblemHandler;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.module.SimpleModule;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Makes the shared JSON mapper strict where the API reads requests.
 * <p>
 * Jackson 3 ignores unknown properties by default and Boot 4 keeps that, and
 * {@code @JsonIgnoreProperties(ignoreUnknown = false)} cannot turn it back on for one
 * type: the annotation only ever adds ignoring. Turning on
 * {@code spring.jackson.deserialization.fail-on-unknown-properties} would make every
 * reader of the shared mapper strict (stored events, webhook replies), so a problem
 * handler rejects unknown properties of types in this package and nowhere else.
 * <p>
 * {@link TlsMode} is read by name only: by default Jackson also takes {@code 0} or
 * {@code "0"} as the first constant, whose meaning would change as modes are added.
 * <p>
 * A fractional number is never cut to a whole one ({@code "port":1.5} is not port 1): by
 * default Jackson truncates it silently.
 */
@Configuration(proxyBeanMethods = false)
class ApiJsonConfiguration {

	@Bean
	JsonMapperBuilderCustomizer strictApiRequests() {
		return (builder) -> builder.addHandler(new RejectUnknownApiProperties())
			.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
			.addModule(
					new SimpleModule("tlswatch-api").addDeserializer(TlsMode.class, new ByNameOnly<>(TlsMode.class)));
	}

	/**
	 * Fails on properties the API's request records do not have.
	 */
	static final class RejectUnknownApiProperties extends DeserializationProblemHandler {

		private static final String API_PACKAGE = ApiJsonConfiguration.class.getPackageName();

		@Override
		public boolean handleUnknownProperty(DeserializationContext context, JsonParser parser,
				ValueDeserializer<?> deserializer, Object beanOrClass, String propertyName) {
			Class<?> type = (beanOrClass instanceof Class<?> declared) ? declared : beanOrClass.getClass();
			if (!type.getPackageName().equals(API_PACKAGE)) {
				return false;
			}
			throw UnrecognizedPropertyException.from(parser, beanOrClass, propertyName,
					deserializer.getKnownPropertyNames());
		}

	}

	/**
	 * Reads an enum from the exact name of one of its constants, and from nothing else.
	 *
	 * @param <E> the enum
	 */
	static final class ByNameOnly<E extends Enum<E>> extends StdScalarDeserializer<E> {

		private final Class<E> type;

		ByNameOnly(Class<E> type) {
			super(type);
			this.type = type;
		}

		@Override
		@SuppressWarnings("unchecked")
		public E deserialize(JsonParser parser, DeserializationContext context) {
			if (!parser.hasToken(JsonToken.VALUE_STRING)) {
				return (E) context.handleUnexpectedToken(this.type, parser);
			}
			String name = parser.getString();
			for (E constant : this.type.getEnumConstants()) {
				if (constant.name().equals(name)) {
					return constant;
				}
			}
			return (E) context.handleWeirdStringValue(this.type, name,
					"not one of " + Arrays.toString(this.type.getEnumConstants()));
		}

	}

}
