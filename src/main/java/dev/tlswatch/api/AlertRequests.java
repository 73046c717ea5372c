package dev.tlswatch.api;

import java.time.Instant;
import java.util.List;

import dev.tlswatch.alert.EndpointAlertSettings;
import dev.tlswatch.alert.TagAlertSettings;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * The request bodies of the alert routes; unknown properties are rejected (see
 * {@link ApiJsonConfiguration}).
 */
final class AlertRequests {

	private AlertRequests() {
	}

	/**
	 * A mute.
	 *
	 * @param until the end of the mute, {@code null} to unmute
	 */
	@Schema(name = "MuteRequest")
	record Mute(@Schema(example = "2026-12-31T00:00:00Z", nullable = true,
			description = "End of the mute, in the future; null to unmute") @Nullable Instant until) {
	}

	/**
	 * An endpoint's alert settings.
	 *
	 * @param thresholds expiry thresholds, {@code null} to inherit
	 * @param disabledRules rules switched off
	 * @param recipients extra mail recipients
	 * @param ownerName owning team or person
	 * @param ownerEmail the owner's mail address
	 */
	@Schema(name = "EndpointAlertSettings")
	record EndpointSettings(@Schema(
			description = "Days (\"30\") or shares of the lifetime (\"33%\"); null to use the tags' or the global ones",
			example = "[\"30\", \"7\", \"33%\"]", nullable = true) @Nullable List<String> thresholds,
			@Schema(example = "[\"WEAK_PROTOCOL\"]") @Nullable List<String> disabledRules,
			@Schema(example = "[\"ops@example.com\"]") @Nullable List<String> recipients,
			@Schema(example = "Mail team", nullable = true) @Nullable String ownerName,
			@Schema(example = "mail-team@example.com", nullable = true) @Nullable String ownerEmail) {

		EndpointAlertSettings toSettings() {
			return new EndpointAlertSettings(this.thresholds, orEmpty(this.disabledRules), orEmpty(this.recipients),
					this.ownerName, this.ownerEmail);
		}

		static EndpointSettings of(EndpointAlertSettings settings) {
			return new EndpointSettings(settings.thresholds(), settings.disabledRules(), settings.recipients(),
					settings.ownerName(), settings.ownerEmail());
		}

	}

	/**
	 * A tag's alert settings.
	 *
	 * @param tag the tag (in responses)
	 * @param thresholds expiry thresholds, {@code null} to inherit
	 * @param disabledRules rules switched off
	 * @param recipients extra mail recipients
	 */
	@Schema(name = "TagAlertSettings")
	record TagSettings(@Schema(accessMode = Schema.AccessMode.READ_ONLY) @Nullable String tag,
			@Schema(example = "[\"14\", \"3\"]", nullable = true) @Nullable List<String> thresholds,
			@Schema(example = "[]") @Nullable List<String> disabledRules,
			@Schema(example = "[\"prod-oncall@example.com\"]") @Nullable List<String> recipients) {

		TagAlertSettings toSettings(String tag) {
			return new TagAlertSettings(tag, this.thresholds, orEmpty(this.disabledRules), orEmpty(this.recipients));
		}

		static TagSettings of(TagAlertSettings settings) {
			return new TagSettings(settings.tag(), settings.thresholds(), settings.disabledRules(),
					settings.recipients());
		}

	}

	private static List<String> orEmpty(@Nullable List<String> values) {
		return (values != null) ? values : List.of();
	}

}
