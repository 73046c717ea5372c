package dev.tlswatch.api;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * A change to several endpoints at once, as {@code POST /api/v1/endpoints/bulk} reads it.
 * Missing values are {@code null} and reported as invalid fields.
 *
 * @param action what to do: {@code SCAN}, {@code ENABLE}, {@code DISABLE},
 * {@code DELETE}, {@code ADD_TAG} or {@code REMOVE_TAG}
 * @param ids the endpoints
 * @param tag the tag, for {@code ADD_TAG} and {@code REMOVE_TAG}
 */
record EndpointBulkRequest(
		@Schema(description = "SCAN, ENABLE, DISABLE, DELETE, ADD_TAG or REMOVE_TAG",
				example = "DISABLE") @Nullable String action,
		@Schema(description = "Endpoint ids, 1 to 500") @Nullable List<@Nullable Long> ids,
		@Schema(description = "The tag to add or remove (ADD_TAG, REMOVE_TAG only)",
				example = "prod") @Nullable String tag) {

}
