package dev.tlswatch.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The sign-in page; Spring Security handles the form's POST and {@code /logout}.
 */
@Controller
class LoginController {

	static final String VIEW = "account/login";

	@GetMapping("/login")
	String login(HttpServletRequest request, @Nullable Authentication authentication, Model model) {
		if (authentication != null && authentication.isAuthenticated()
				&& !(authentication instanceof AnonymousAuthenticationToken)) {
			return "redirect:/endpoints";
		}
		if (request.getParameterMap().containsKey("error")) {
			model.addAttribute("error", errorMessage(request.getSession(false)));
		}
		model.addAttribute("loggedOut", request.getParameterMap().containsKey("logout"));
		return VIEW;
	}

	/** Only a throttled sign-in says more than "wrong": nothing tells which part was. */
	private static String errorMessage(@Nullable HttpSession session) {
		Object failure = (session != null) ? session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION) : null;
		if (failure instanceof LoginThrottledException throttled) {
			return throttled.getMessage();
		}
		return "Wrong username or password, or the account is disabled.";
	}

}
