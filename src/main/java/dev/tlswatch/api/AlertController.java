package dev.tlswatch.api;

import java.security.Principal;

import java.util.List;

import dev.tlswatch.alert.AlertFilter;
import dev.tlswatch.alert.AlertNotFoundException;
import dev.tlswatch.alert.AlertState;
import dev.tlswatch.alert.Alerts;
import dev.tlswatch.finding.Severity;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/alerts}: list, read, acknowledge and mute alerts; and the per-endpoint
 * and per-tag alert settings. Who acknowledges or mutes is the signed-in user.
 */
@RestController
@Tag(name = "Alerts", description = "Alerts raised from scans, and who is told about them")
@ProblemResponses.BadRequest
class AlertController {

	static final String PATH = "/api/v1/alerts";

	static final String TAG_SETTINGS_PATH = "/api/v1/alert-settings/tags";

	private final Alerts alerts;

	AlertController(Alerts alerts) {
		this.alerts = alerts;
	}

	@GetMapping(PATH)
	@Operation(summary = "List alerts, a page at a time",
			description = "Active alerts first, then by severity and newest first.")
	PageResponse<AlertResponse> list(
			@Parameter(description = "OPEN, ACKNOWLEDGED or RESOLVED") @RequestParam(
					required = false) @Nullable AlertState state,
			@Parameter(description = "CRITICAL, WARNING or INFO") @RequestParam(
					required = false) @Nullable Severity severity,
			@Parameter(description = "Only this endpoint's alerts") @RequestParam(
					required = false) @Nullable Long endpointId,
			@Parameter(description = "Zero-based page number") @RequestParam(defaultValue = "0") @Min(0) int page,
			@Parameter(description = "Page size, at most " + Paging.MAX_SIZE) @RequestParam(
					defaultValue = "" + Paging.DEFAULT_SIZE) @Min(1) @Max(Paging.MAX_SIZE) int size) {
		return PageResponse.of(
				this.alerts.list(new AlertFilter(state, severity, endpointId), PageRequest.of(page, size)),
				AlertResponse::of);
	}

	@GetMapping(PATH + "/{id}")
	@Operation(summary = "Read an alert")
	@ProblemResponses.AlertNotFound
	AlertResponse get(@PathVariable long id) {
		return AlertResponse.of(this.alerts.find(id).orElseThrow(() -> new AlertNotFoundException(id)));
	}

	@PostMapping(PATH + "/{id}/acknowledge")
	@Operation(summary = "Acknowledge an alert: someone takes it on, no more reminders")
	@ProblemResponses.AlertNotFound
	@ProblemResponses.AlertResolved
	@ProblemResponses.InvalidAlertInput
	AlertResponse acknowledge(@PathVariable long id, Principal user) {
		return AlertResponse.of(this.alerts.acknowledge(id, user.getName()));
	}

	@PostMapping(path = PATH + "/{id}/mute", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Mute an alert until a time, or unmute it with \"until\": null",
			description = "A muted alert sends no reminders and no escalation mails; it still resolves and sends "
					+ "its resolve message.")
	@ProblemResponses.AlertNotFound
	@ProblemResponses.AlertResolved
	@ProblemResponses.InvalidAlertInput
	AlertResponse mute(@PathVariable long id, @RequestBody AlertRequests.Mute request, Principal user) {
		return AlertResponse.of(this.alerts.mute(id, request.until(), user.getName()));
	}

	@GetMapping(EndpointController.PATH + "/{id}/alert-settings")
	@Operation(summary = "Read an endpoint's alert settings")
	@ProblemResponses.EndpointNotFound
	AlertRequests.EndpointSettings endpointSettings(@PathVariable long id) {
		return AlertRequests.EndpointSettings.of(this.alerts.endpointSettings(id));
	}

	@PutMapping(path = EndpointController.PATH + "/{id}/alert-settings", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Replace an endpoint's alert settings")
	@ProblemResponses.EndpointNotFound
	@ProblemResponses.InvalidAlertInput
	AlertRequests.EndpointSettings updateEndpointSettings(@PathVariable long id,
			@RequestBody AlertRequests.EndpointSettings request) {
		return AlertRequests.EndpointSettings.of(this.alerts.updateEndpointSettings(id, request.toSettings()));
	}

	@GetMapping(TAG_SETTINGS_PATH)
	@Operation(summary = "List every tag's alert settings")
	List<AlertRequests.TagSettings> tagSettings() {
		return this.alerts.tagSettings().stream().map(AlertRequests.TagSettings::of).toList();
	}

	@GetMapping(TAG_SETTINGS_PATH + "/{tag}")
	@Operation(summary = "Read a tag's alert settings")
	@ApiResponse(responseCode = "404", description = "The tag has no alert settings")
	AlertRequests.TagSettings tagSettings(@PathVariable String tag) {
		return this.alerts.tagSettings(tag)
			.map(AlertRequests.TagSettings::of)
			.orElseThrow(() -> ApiProblems.tagSettingsNotFound(tag));
	}

	@PutMapping(path = TAG_SETTINGS_PATH + "/{tag}", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Replace a tag's alert settings")
	@ProblemResponses.InvalidAlertInput
	AlertRequests.TagSettings updateTagSettings(@PathVariable String tag,
			@RequestBody AlertRequests.TagSettings request) {
		return AlertRequests.TagSettings.of(this.alerts.updateTagSettings(request.toSettings(tag)));
	}

	@DeleteMapping(TAG_SETTINGS_PATH + "/{tag}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Remove a tag's alert settings")
	@ApiResponse(responseCode = "204", description = "Removed")
	@ApiResponse(responseCode = "404", description = "The tag has no alert settings")
	void deleteTagSettings(@PathVariable String tag) {
		if (!this.alerts.deleteTagSettings(tag)) {
			throw ApiProblems.tagSettingsNotFound(tag);
		}
	}

}
