package dev.tlswatch.probe;

/**
 * How a connection gets to the point where the client sends its ClientHello: right after
 * the TCP connect, or after a plaintext protocol's upgrade dialogue (STARTTLS).
 */
public enum StartTls {

	/** TLS starts right after the TCP connect (HTTPS, SMTPS, IMAPS...). */
	NONE

}
