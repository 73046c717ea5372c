/**
 * Delivers messages (mail, webhook) from a transactional outbox; knows nothing of
 * findings or alerts. Outbound URLs pass the endpoint module's {@code OutboundUrlPolicy}.
 */
@ApplicationModule(allowedDependencies = { "schedule" })
@NullMarked
package dev.tlswatch.notify;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
