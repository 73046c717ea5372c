package dev.tlswatch.config;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * RFC 9457 problem details for Spring MVC's own exceptions, application-wide, as
 * {@code spring.mvc.problemdetails.enabled} asks. Boot's handler for that property backs
 * off as soon as any {@link ResponseEntityExceptionHandler} bean exists, and the API's
 * advice is one; that advice is scoped to the API's controllers, so requests that never
 * reached a controller (no route, 405, 415) would otherwise get no problem at all.
 * Ordered last: scoped advices answer first for their controllers.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
@ConditionalOnBooleanProperty("spring.mvc.problemdetails.enabled")
class ProblemDetailsExceptionHandler extends ResponseEntityExceptionHandler {

}
