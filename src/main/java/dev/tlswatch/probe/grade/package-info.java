/**
 * The SSL Labs grade as pure code: scores, caps and warnings over observations, no
 * connection.
 */
@NullMarked
package dev.tlswatch.probe.grade;

import org.jspecify.annotations.NullMarked;
