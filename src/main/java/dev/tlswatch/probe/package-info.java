/**
 * The plain-Java TLS probe engine: given a target and options it returns immutable
 * observations. Knows nothing of Spring or the database, and is usable alone.
 */
@NullMarked
package dev.tlswatch.probe;

import org.jspecify.annotations.NullMarked;
