package dev.tlswatch.audit;

import dev.tlswatch.endpoint.EndpointChanged;
import dev.tlswatch.endpoint.EndpointDetails;
import dev.tlswatch.endpoint.EndpointRegistered;
import dev.tlswatch.endpoint.EndpointRemoved;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Records every change of the endpoint registry. Listens synchronously, inside the
 * registry's transaction and on the request's thread: the event is stored with the change
 * or not at all, and the actor is the user who made it.
 */
@Component
class EndpointAuditor {

	static final String TARGET_TYPE = "endpoint";

	private final Audit audit;

	EndpointAuditor(Audit audit) {
		this.audit = audit;
	}

	@EventListener
	void on(EndpointRegistered event) {
		EndpointDetails endpoint = event.endpoint();
		this.audit.record("ENDPOINT_CREATED", TARGET_TYPE, Long.toString(endpoint.id()),
				"Registered " + describe(endpoint));
	}

	@EventListener
	void on(EndpointChanged event) {
		EndpointDetails endpoint = event.endpoint();
		this.audit.record("ENDPOINT_CHANGED", TARGET_TYPE, Long.toString(endpoint.id()),
				"Changed endpoint " + endpoint.id() + "; now " + describe(endpoint));
	}

	@EventListener
	void on(EndpointRemoved event) {
		this.audit.record("ENDPOINT_DELETED", TARGET_TYPE, Long.toString(event.endpointId()),
				"Deleted endpoint " + event.endpointId() + " with its history");
	}

	private static String describe(EndpointDetails endpoint) {
		StringBuilder text = new StringBuilder(endpoint.displayName()).append(" (").append(endpoint.tlsMode());
		if (endpoint.sniName() != null) {
			text.append(", SNI ").append(endpoint.sniName());
		}
		text.append(", every ").append(endpoint.scanIntervalMinutes()).append(" min");
		text.append(endpoint.enabled() ? ", enabled" : ", disabled");
		if (!endpoint.tags().isEmpty()) {
			text.append(", tags ").append(String.join(" ", endpoint.tags()));
		}
		return text.append(')').toString();
	}

}
