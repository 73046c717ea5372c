package dev.tlswatch.api;

import java.util.List;

/**
 * What {@code POST /api/v1/endpoints/bulk} did.
 *
 * @param action the action
 * @param requested how many different endpoints the request named
 * @param changed how many endpoints changed (enabled, disabled, deleted, tagged,
 * untagged); those already so are not counted; {@code 0} for {@code SCAN}
 * @param queued how many scans were queued ({@code SCAN} only)
 * @param refused how many scans the "scan now" limits refused ({@code SCAN} only)
 * @param refusedIds the endpoints whose scan was refused
 */
record EndpointBulkResponse(String action, int requested, int changed, int queued, int refused, List<Long> refusedIds) {

	EndpointBulkResponse {
		refusedIds = List.copyOf(refusedIds);
	}

}
