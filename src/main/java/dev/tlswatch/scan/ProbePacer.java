package dev.tlswatch.scan;

import dev.tlswatch.probe.ConnectionPacing;
import dev.tlswatch.probe.ConnectionWatch;

import org.springframework.stereotype.Component;

/**
 * Makes the pacing of one address of a rate-limited endpoint's full probe. A bean of its
 * own so that tests can pace without waiting.
 */
@Component
class ProbePacer {

	/**
	 * A fresh pacing for one address.
	 * @param connectionsPerMinute the most connections per minute
	 * @return the watch that paces
	 */
	ConnectionWatch forAddress(int connectionsPerMinute) {
		return ConnectionPacing.perMinute(connectionsPerMinute);
	}

}
