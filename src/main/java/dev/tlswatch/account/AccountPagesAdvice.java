package dev.tlswatch.account;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.ModelAndView;

/**
 * What the layout needs on this module's pages: the version in the footer and the path
 * for the navigation.
 */
@ControllerAdvice(assignableTypes = { LoginController.class, UserPagesController.class, TokenPagesController.class })
class AccountPagesAdvice {

	private final String version;

	AccountPagesAdvice(ObjectProvider<BuildProperties> buildProperties) {
		BuildProperties build = buildProperties.getIfAvailable();
		this.version = (build != null && build.getVersion() != null) ? build.getVersion() : "dev";
	}

	@ModelAttribute("appVersion")
	String appVersion() {
		return this.version;
	}

	@ExceptionHandler(AccountNotFoundException.class)
	ModelAndView notFound(AccountNotFoundException ex, HttpServletRequest request) {
		ModelAndView page = new ModelAndView("error/404", HttpStatus.NOT_FOUND);
		page.addObject("message", ex.getMessage());
		page.addObject("appVersion", this.version);
		page.addObject("requestPath", request.getRequestURI());
		return page;
	}

	@ModelAttribute("requestPath")
	String requestPath(HttpServletRequest request) {
		return request.getRequestURI();
	}

}
