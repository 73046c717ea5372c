package dev.tlswatch.scan;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.stereotype.Component;

/**
 * Resolves names with the operating system's resolver (A and AAAA records).
 */
@Component
@ConditionalOnMissingBean(value = AddressResolver.class, ignored = SystemAddressResolver.class)
class SystemAddressResolver implements AddressResolver {

	@Override
	public List<InetAddress> resolve(String host) throws UnknownHostException {
		return List.of(InetAddress.getAllByName(host));
	}

}
