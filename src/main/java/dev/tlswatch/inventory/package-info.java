/**
 * Import and export of the endpoint inventory: CSV and JSON files in, validated row by
 * row and registered all-or-nothing; the inventory with each endpoint's latest scan
 * headline out.
 */
@ApplicationModule(allowedDependencies = { "endpoint", "scan", "finding" })
@NullMarked
package dev.tlswatch.inventory;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
