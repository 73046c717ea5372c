package dev.tlswatch.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.support.DefaultHandlerExceptionResolver;

/**
 * Browsers get HTML error pages. With {@code spring.mvc.problemdetails.enabled}, Spring
 * answers its standard errors (unknown address, bad parameter, wrong method) with
 * ProblemDetail JSON even when a browser asked for a page. For requests that accept
 * {@code text/html} explicitly and are outside {@code /api/}, this resolver answers
 * first, as Spring does without ProblemDetail: it sends the status and Boot's error page
 * renders {@code templates/error/...} in the layout. Other requests (curl sends
 * <code>*&#47;*</code>) and other exceptions pass on unchanged.
 */
@Component
class HtmlErrorPages implements WebMvcConfigurer {

	@Override
	public void extendHandlerExceptionResolvers(List<HandlerExceptionResolver> resolvers) {
		resolvers.add(0, new PageRequestResolver());
	}

	static boolean isPageRequest(HttpServletRequest request) {
		if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			return false;
		}
		String accept = request.getHeader(HttpHeaders.ACCEPT);
		if (accept == null) {
			return false;
		}
		try {
			return MediaType.parseMediaTypes(accept)
				.stream()
				.anyMatch((type) -> !type.isWildcardSubtype() && type.isCompatibleWith(MediaType.TEXT_HTML));
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
	}

	/**
	 * Spring's standard error statuses, for page requests only.
	 */
	private static final class PageRequestResolver implements HandlerExceptionResolver {

		private final DefaultHandlerExceptionResolver statuses = new DefaultHandlerExceptionResolver();

		@Override
		public @Nullable ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response,
				@Nullable Object handler, Exception ex) {
			return isPageRequest(request) ? this.statuses.resolveException(request, response, handler, ex) : null;
		}

	}

}
