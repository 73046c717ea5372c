package dev.tlswatch.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The API tokens page: one's own tokens (an administrator sees everyone's), a form to
 * create one, whose value is shown on the answer to that form and never again, and revoke
 * buttons.
 */
@Controller
class TokenPagesController {

	static final String VIEW = "account/tokens";

	/** Offered lifetimes in days; 0 is "never expires". */
	static final List<Integer> LIFETIMES = List.of(7, 30, 90, 365, 0);

	private final ApiTokens tokens;

	private final Clock clock;

	TokenPagesController(ApiTokens tokens, Clock clock) {
		this.tokens = tokens;
		this.clock = clock;
	}

	@GetMapping("/tokens")
	String tokens(Authentication authentication, Model model) {
		return page(authentication, model);
	}

	@PostMapping("/tokens")
	String create(@RequestParam String name, @RequestParam Role roleCeiling, @RequestParam int lifetimeDays,
			Authentication authentication, Model model) {
		try {
			if (!LIFETIMES.contains(lifetimeDays)) {
				throw new InvalidAccountException("lifetime", "must be one of the choices offered");
			}
			Role ceiling = TokenApiController.withinCaller(authentication, roleCeiling);
			Instant expiresAt = (lifetimeDays > 0) ? this.clock.instant().plus(Duration.ofDays(lifetimeDays)) : null;
			model.addAttribute("created", this.tokens.create(authentication.getName(), name, ceiling, expiresAt));
		}
		catch (InvalidAccountException ex) {
			model.addAttribute("problem", "The " + ex.getField() + " " + ex.getMessage() + ".");
		}
		return page(authentication, model);
	}

	@PostMapping("/tokens/{id}/revoke")
	String revoke(@PathVariable long id, Authentication authentication, RedirectAttributes redirect) {
		TokenDetails token = this.tokens.get(id);
		if (!TokenApiController.mayManage(authentication, token)) {
			throw new AccessDeniedException("Not your token");
		}
		this.tokens.revoke(id);
		redirect.addFlashAttribute("notice", "Token '" + token.name() + "' revoked.");
		return "redirect:/tokens";
	}

	private String page(Authentication authentication, Model model) {
		boolean admin = TokenApiController.isAdmin(authentication);
		model.addAttribute("tokens", admin ? this.tokens.all() : this.tokens.ofUser(authentication.getName()));
		model.addAttribute("showOwner", admin);
		model.addAttribute("now", this.clock.instant());
		Role highest = TokenApiController.highestRole(authentication);
		model.addAttribute("roles", List.of(Role.values()).stream().filter(highest::includes).toList());
		model.addAttribute("lifetimes", LIFETIMES);
		return VIEW;
	}

}
