package dev.tlswatch.web;

import dev.tlswatch.alert.AlertNotFoundException;
import dev.tlswatch.endpoint.EndpointNotFoundException;
import dev.tlswatch.notify.ChannelNotFoundException;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.ModelAndView;

/**
 * What every dashboard page's layout needs (the version in the footer, the current path
 * for the navigation), and the "not found" page for unknown endpoints. Applies to this
 * package's controllers and to Boot's error pages, not to the REST API. Ordered first so
 * that a global advice of the API (ProblemDetail JSON) does not answer for these pages.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@ControllerAdvice(basePackageClasses = DashboardAdvice.class, assignableTypes = ErrorController.class)
class DashboardAdvice {

	static final String NOT_FOUND_VIEW = "error/404";

	private final String version;

	DashboardAdvice(ObjectProvider<BuildProperties> buildProperties) {
		BuildProperties build = buildProperties.getIfAvailable();
		this.version = (build != null && build.getVersion() != null) ? build.getVersion() : "dev";
	}

	@ModelAttribute("appVersion")
	String appVersion() {
		return this.version;
	}

	@ModelAttribute("requestPath")
	String requestPath(HttpServletRequest request) {
		return request.getRequestURI();
	}

	/**
	 * An unknown endpoint is a 404 page in the layout. Exception handlers get no
	 * {@code @ModelAttribute}s, so the layout's attributes are added here.
	 */
	@ExceptionHandler(EndpointNotFoundException.class)
	ModelAndView endpointNotFound(EndpointNotFoundException ex, HttpServletRequest request) {
		ModelAndView page = new ModelAndView(NOT_FOUND_VIEW, HttpStatus.NOT_FOUND);
		page.addObject("message", "There is no endpoint with id " + ex.getEndpointId() + ".");
		page.addObject("appVersion", this.version);
		page.addObject("requestPath", request.getRequestURI());
		return page;
	}

	/** An unknown alert (acknowledged or muted by a stale page) is a 404 page too. */
	@ExceptionHandler(AlertNotFoundException.class)
	ModelAndView alertNotFound(AlertNotFoundException ex, HttpServletRequest request) {
		ModelAndView page = new ModelAndView(NOT_FOUND_VIEW, HttpStatus.NOT_FOUND);
		page.addObject("message", "There is no alert with id " + ex.getAlertId() + ".");
		page.addObject("appVersion", this.version);
		page.addObject("requestPath", request.getRequestURI());
		return page;
	}

	/** An unknown notification channel (a stale settings page) is a 404 page too. */
	@ExceptionHandler(ChannelNotFoundException.class)
	ModelAndView channelNotFound(ChannelNotFoundException ex, HttpServletRequest request) {
		ModelAndView page = new ModelAndView(NOT_FOUND_VIEW, HttpStatus.NOT_FOUND);
		page.addObject("message", ex.getMessage() + ".");
		page.addObject("appVersion", this.version);
		page.addObject("requestPath", request.getRequestURI());
		return page;
	}

}
