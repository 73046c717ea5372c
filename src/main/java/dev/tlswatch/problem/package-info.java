/**
 * RFC 9457 problem details shared by every module that answers HTTP: the one problem-type
 * base URI, the field list of invalid requests, and the application-wide answers to
 * malformed requests (unreadable JSON, wrong types, missing parameters, unsupported media
 * types) and to unexpected errors of REST controllers. Modules map their own domain
 * exceptions in their own advice, with types made here. Depends on no other module.
 */
@ApplicationModule(allowedDependencies = {})
@NullMarked
package dev.tlswatch.problem;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
