package dev.tlswatch.api;

import dev.tlswatch.notify.Notifier;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/notify}: how mail and webhook delivery are configured and going, and a
 * test mail.
 */
@RestController
@RequestMapping(NotifyController.PATH)
@Tag(name = "Notifications", description = "Mail and webhook delivery")
@ProblemResponses.BadRequest
class NotifyController {

	static final String PATH = "/api/v1/notify";

	private final Notifier notifier;

	NotifyController(Notifier notifier) {
		this.notifier = notifier;
	}

	@GetMapping("/status")
	@Operation(summary = "Delivery configuration and outbox state",
			description = "The webhook appears as scheme and host only: its URL may hold a token.")
	NotifyStatusResponse status() {
		return NotifyStatusResponse.of(this.notifier.status());
	}

	@PostMapping("/test-mail")
	@Operation(summary = "Send a test mail now",
			description = "To `to`, or to the global recipients (`tlswatch.notify.mail.to`) when the body or `to` is "
					+ "missing. Bypasses the outbox. `sent` says whether the SMTP server accepted it, `error` why not.")
	@ApiResponse(responseCode = "200", description = "Tried; see `sent` and `error`")
	@ApiResponse(responseCode = "422", description = "`to` is not one mail address",
			content = @Content(mediaType = ApiProblems.MEDIA_TYPE,
					schema = @Schema(implementation = ProblemDetail.class)))
	TestMailResponse testMail(@RequestBody(required = false) @Nullable TestMailRequest request) {
		String to = (request != null && request.to() != null) ? request.to() : "";
		return TestMailResponse.of(this.notifier.sendTestMail(to));
	}

	/**
	 * A test mail request.
	 *
	 * @param to one mail address; the global recipients when missing or blank
	 */
	record TestMailRequest(@Nullable String to) {
	}

}
