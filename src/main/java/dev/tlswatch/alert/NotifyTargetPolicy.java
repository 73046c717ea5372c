package dev.tlswatch.alert;

import java.net.InetAddress;

import dev.tlswatch.endpoint.ScanTargetPolicy;
import dev.tlswatch.notify.OutboundAddressPolicy;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Lends the endpoint module's scan target policy to the notify module, which may not
 * depend on it: notification channels are held to the same rules as scans (no cloud
 * metadata, the configured networks and host patterns).
 */
@Component
class NotifyTargetPolicy implements OutboundAddressPolicy {

	private final ScanTargetPolicy policy;

	NotifyTargetPolicy(ScanTargetPolicy policy) {
		this.policy = policy;
	}

	@Override
	public @Nullable String deniedHost(String host) {
		return this.policy.check(host).reason();
	}

	@Override
	public @Nullable String deniedAddress(InetAddress address) {
		return this.policy.checkAddress(address).reason();
	}

}
