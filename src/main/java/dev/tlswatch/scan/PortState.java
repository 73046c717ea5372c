package dev.tlswatch.scan;

/**
 * What one port of one address showed to discovery.
 */
public enum PortState {

	/** The connection was refused or the network said the address is unreachable. */
	CLOSED,

	/** TCP connected, but no TLS came back in the mode the port implies. */
	OPEN_NO_TLS,

	/** TCP connected and the server answered with TLS. */
	TLS,

	/** The TCP connect did not finish in time (a filtering firewall, most often). */
	TIMED_OUT

}
