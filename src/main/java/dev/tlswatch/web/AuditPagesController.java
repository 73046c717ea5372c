package dev.tlswatch.web;

import java.util.List;

import dev.tlswatch.audit.Audit;
import dev.tlswatch.audit.AuditEntry;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The audit log page for administrators: who changed what and when, newest first, paged.
 */
@Controller
class AuditPagesController {

	static final String AUDIT_VIEW = "audit/list";

	static final int PAGE_SIZE = 50;

	private final Audit audit;

	AuditPagesController(Audit audit) {
		this.audit = audit;
	}

	@GetMapping("/audit")
	String list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "" + PAGE_SIZE) int size,
			Model model) {
		PageRequest request = PageRequest.of(Math.max(page, 0),
				Math.clamp(size, 1, EndpointPagesController.MAX_PAGE_SIZE));
		model.addAttribute("audit", AuditPage.of(this.audit.list(request)));
		return AUDIT_VIEW;
	}

	/**
	 * One page of the audit log.
	 *
	 * @param rows the events on this page
	 * @param nav where the page lies
	 */
	record AuditPage(List<Row> rows, PageNav nav) {

		AuditPage {
			rows = List.copyOf(rows);
		}

		static AuditPage of(Page<AuditEntry> page) {
			return new AuditPage(page.getContent().stream().map(Row::of).toList(), PageNav.of(page));
		}

	}

	/**
	 * One event as the table shows it; every text is escaped by the template.
	 *
	 * @param occurredAt when
	 * @param actor who
	 * @param action what was done
	 * @param target the kind of thing and its id, e.g. {@code endpoint 5}
	 * @param summary what changed
	 */
	record Row(Timestamp occurredAt, String actor, String action, String target, String summary) {

		static Row of(AuditEntry entry) {
			return new Row(Timestamp.of(entry.occurredAt()), entry.actor(), entry.action(),
					target(entry.targetType(), entry.targetId()), entry.summary());
		}

		private static String target(String type, @Nullable String id) {
			return (id != null) ? type + " " + id : type;
		}

	}

}
