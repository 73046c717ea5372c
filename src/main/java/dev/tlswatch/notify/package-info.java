/**
 * Delivers messages (mail, webhook) from a transactional outbox; knows nothing of
 * findings or alerts.
 */
@ApplicationModule(allowedDependencies = {})
@NullMarked
package dev.tlswatch.notify;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
