package dev.tlswatch.notify;

/**
 * A way to deliver a message; each has its own outbox row per message.
 */
enum Channel {

	MAIL, WEBHOOK

}
