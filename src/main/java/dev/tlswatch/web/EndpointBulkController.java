package dev.tlswatch.web;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import dev.tlswatch.endpoint.EndpointDetails;
import dev.tlswatch.endpoint.Endpoints;
import dev.tlswatch.endpoint.EndpointsNotFoundException;
import dev.tlswatch.endpoint.InvalidEndpointException;
import dev.tlswatch.scan.QueuedScans;
import dev.tlswatch.scan.Scans;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The endpoint list's bulk actions: scan, enable, disable, delete (after a confirmation
 * page), add or remove a tag for the selected endpoints. Changes go through the registry,
 * all or nothing; afterwards the list is shown again with its filter, sort and page
 * (post/redirect/get) and a notice says what happened.
 */
@Controller
class EndpointBulkController {

	static final String CONFIRM_DELETE_VIEW = "endpoints/bulk-delete";

	private final Endpoints endpoints;

	private final Scans scans;

	EndpointBulkController(Endpoints endpoints, Scans scans) {
		this.endpoints = endpoints;
		this.scans = scans;
	}

	@PostMapping("/endpoints/bulk")
	String bulk(@RequestParam(required = false) @Nullable String action,
			@RequestParam(required = false) @Nullable List<String> ids,
			@RequestParam(required = false) @Nullable String bulkTag,
			@RequestParam(required = false) @Nullable String confirm, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "" + EndpointPagesController.LIST_PAGE_SIZE) int size,
			@ModelAttribute("filter") ListFilter filter, Model model, RedirectAttributes redirect) {
		String back = listAddress(filter, page, size);
		Set<Long> selected = (ids != null) ? wholeNumbers(ids) : Set.of();
		if (selected == null) {
			return refuse(redirect, back, "The selection is invalid: ids must be whole numbers.");
		}
		Action chosen = Action.of(action);
		if (chosen == null) {
			return refuse(redirect, back, "Choose one of the bulk actions.");
		}
		if (selected.isEmpty()) {
			return refuse(redirect, back, "Select at least one endpoint first.");
		}
		if (selected.size() > Endpoints.MAX_BULK_IDS) {
			return refuse(redirect, back, "At most " + Endpoints.MAX_BULK_IDS + " endpoints can be changed at once.");
		}
		if (chosen.needsTag() && (bulkTag == null || bulkTag.isBlank())) {
			return refuse(redirect, back, "Enter the tag to " + (chosen == Action.ADD_TAG ? "add." : "remove."));
		}
		if (chosen == Action.DELETE && !"yes".equals(confirm)) {
			return confirmDelete(List.copyOf(selected), filter, page, size, back, model, redirect);
		}
		try {
			redirect.addFlashAttribute("formNotice", apply(chosen, List.copyOf(selected), bulkTag));
		}
		catch (EndpointsNotFoundException ex) {
			return refuse(redirect, back, notFound(ex));
		}
		catch (InvalidEndpointException ex) {
			return refuse(redirect, back,
					ex.getViolations()
						.stream()
						.map((violation) -> "The " + violation.field() + " " + violation.message() + ".")
						.collect(Collectors.joining(" ")) + " Nothing was changed.");
		}
		return "redirect:" + back;
	}

	/**
	 * Runs the change; the notice counts every selected endpoint, changed or already so.
	 */
	private String apply(Action action, List<Long> ids, @Nullable String tag) {
		String text = (tag != null) ? tag : "";
		String normalised = text.strip().toLowerCase(Locale.ROOT);
		String selected = count(ids.size());
		return switch (action) {
			case SCAN -> scanned(this.scans.queueScans(ids));
			case ENABLE -> {
				this.endpoints.setEnabled(ids, true);
				yield selected + " enabled.";
			}
			case DISABLE -> {
				this.endpoints.setEnabled(ids, false);
				yield selected + " disabled.";
			}
			case DELETE -> {
				this.endpoints.deleteAll(ids);
				yield selected + " deleted.";
			}
			case ADD_TAG -> {
				this.endpoints.addTag(ids, text);
				yield "Tag " + normalised + " added to " + selected + ".";
			}
			case REMOVE_TAG -> {
				this.endpoints.removeTag(ids, text);
				yield "Tag " + normalised + " removed from " + selected + ".";
			}
		};
	}

	private static String scanned(QueuedScans result) {
		String queued = "Scans of " + count(result.queued().size()) + " queued.";
		if (result.refused().isEmpty()) {
			return queued;
		}
		return queued + " " + count(result.refused().size())
				+ " not scanned: asked too soon after their last scan on request (try again later).";
	}

	private String confirmDelete(List<Long> ids, ListFilter filter, int page, int size, String back, Model model,
			RedirectAttributes redirect) {
		List<EndpointDetails> found = this.endpoints.findAll(ids);
		if (found.size() != ids.size()) {
			Set<Long> present = found.stream().map(EndpointDetails::id).collect(Collectors.toSet());
			return refuse(redirect, back, notFound(
					new EndpointsNotFoundException(ids.stream().filter((id) -> !present.contains(id)).toList())));
		}
		model.addAttribute("doomed", found);
		model.addAttribute("page", page);
		model.addAttribute("size", size);
		model.addAttribute("back", back);
		return CONFIRM_DELETE_VIEW;
	}

	private static String notFound(EndpointsNotFoundException ex) {
		int missing = ex.getEndpointIds().size();
		return count(missing) + ((missing == 1) ? " no longer exists" : " no longer exist")
				+ "; nothing was changed. Reload the list and try again.";
	}

	private static String refuse(RedirectAttributes redirect, String back, String message) {
		redirect.addFlashAttribute("bulkError", message);
		return "redirect:" + back;
	}

	private static String count(int endpoints) {
		return endpoints + ((endpoints == 1) ? " endpoint" : " endpoints");
	}

	/** The list as it was: filter, sort, page and page size. */
	/**
	 * The ids as given, each digits only: {@code 1.9} is refused, never taken as 1.
	 * @return the ids, or {@code null} when one is not a whole number
	 */
	private static @Nullable Set<Long> wholeNumbers(List<String> ids) {
		Set<Long> numbers = new LinkedHashSet<>();
		for (String id : ids) {
			String digits = id.strip();
			if (digits.isEmpty() || digits.length() > 18 || !digits.chars().allMatch((c) -> c >= '0' && c <= '9')) {
				return null;
			}
			numbers.add(Long.parseLong(digits));
		}
		return numbers;
	}

	static String listAddress(ListFilter filter, int page, int size) {
		String base = filter.queryString("/endpoints");
		StringBuilder address = new StringBuilder(base);
		char separator = base.contains("?") ? '&' : '?';
		if (page > 0) {
			address.append(separator).append("page=").append(page);
			separator = '&';
		}
		if (size != EndpointPagesController.LIST_PAGE_SIZE) {
			address.append(separator)
				.append("size=")
				.append(Math.clamp(size, 1, EndpointPagesController.MAX_PAGE_SIZE));
		}
		return address.toString();
	}

	/** What the bulk bar's buttons ask for. */
	enum Action {

		SCAN, ENABLE, DISABLE, DELETE, ADD_TAG, REMOVE_TAG;

		boolean needsTag() {
			return this == ADD_TAG || this == REMOVE_TAG;
		}

		static @Nullable Action of(@Nullable String name) {
			if (name == null) {
				return null;
			}
			try {
				return valueOf(name.strip().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				return null;
			}
		}

	}

}
