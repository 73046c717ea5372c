package dev.tlswatch.scan;

import java.util.List;

/**
 * Finds which well-known TLS ports of a host are open and speak TLS, so that they can be
 * registered with one click. Resolves the host, refuses it if the scan target policy
 * denies the name or any of its addresses, and probes every port of every address at once
 * with short timeouts.
 */
public interface Discovery {

	/**
	 * The ports tried: implicit TLS (HTTPS, SMTPS, IMAPS, POP3S, LDAPS, FTPS, TELNETS,
	 * IRCS, SIPS, DNS over TLS, MQTT over TLS, alternative HTTPS) and the plaintext ports
	 * with a STARTTLS dialogue the probe engine speaks.
	 */
	List<Integer> PORTS = List.of(443, 465, 993, 995, 636, 989, 990, 992, 994, 5061, 8443, 853, 6697, 8883, 25, 587,
			143, 110, 21, 389, 5222, 5432);

	/**
	 * The ports {@link #discover(String)} tries: {@link #PORTS} and the configured extra
	 * ones ({@code tlswatch.scan.discovery-extra-ports}).
	 * @return the ports, each once, the well-known ones first
	 */
	List<Integer> ports();

	/**
	 * Probe the ports of {@link #ports()} on a host.
	 * @param host a DNS name or IP literal
	 * @return what each port of each address showed
	 * @throws InvalidDiscoveryTargetException if the host is invalid, does not resolve,
	 * or the scan target policy denies it or one of its addresses; nothing was contacted
	 * @throws ScanRateLimitedException if the host is being discovered already or
	 * discoveries come too often
	 */
	DiscoveryReport discover(String host);

}
