package dev.tlswatch.alert;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.tlswatch.endpoint.EndpointDetails;
import dev.tlswatch.notify.MessageContext;
import dev.tlswatch.notify.MessageSeverity;
import dev.tlswatch.notify.OutgoingMessage;
import org.jspecify.annotations.Nullable;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import org.springframework.stereotype.Component;

/**
 * Renders alert messages: a subject line, a plain-text body and an HTML body from the
 * Thymeleaf templates in {@code templates/mail/}, every value escaped. Has its own
 * template engines so that Boot's view engine stays as configured.
 */
@Component
class AlertMessages {

	static final int MAX_SUBJECT = 250;

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
		.withZone(ZoneOffset.UTC);

	private final SpringTemplateEngine html = engine(TemplateMode.HTML, ".html");

	private final SpringTemplateEngine text = engine(TemplateMode.TEXT, ".txt");

	private final String baseUrl;

	AlertMessages(AlertSettings settings) {
		String url = settings.baseUrl().toString();
		this.baseUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}

	/**
	 * The message about one step of an alert's life.
	 * @param kind which step
	 * @param alert the alert as it is now
	 * @param endpoint its endpoint, {@code null} for TLSWatch's own alerts
	 * @param recipients who is told beyond the global list
	 * @param reminder the reminder's number, for {@link Kind#REMIND}
	 * @return the message
	 */
	OutgoingMessage message(Kind kind, AlertDetails alert, @Nullable EndpointDetails endpoint, List<String> recipients,
			int reminder) {
		String where = (endpoint != null) ? endpoint.displayName() : "TLSWatch";
		String subject = subject(kind.prefix + alert.severity().name() + " " + where + " " + alert.title());
		String link = (endpoint != null) ? this.baseUrl + "/endpoints/" + endpoint.id() : this.baseUrl + "/alerts";
		MailView view = new MailView(kind.heading, alert.severity().name(), where,
				(endpoint != null) ? endpoint.effectiveName() : null, alert.rule().label(), alert.title(),
				alert.message(), alert.address(), alert.certificateSubject(), alert.certificateIssuer(),
				alert.certificateSha256(),
				(alert.certificateNotAfter() != null) ? TIME.format(alert.certificateNotAfter()) : null,
				alert.previousSha256(), TIME.format(alert.openedAt()), link, this.baseUrl + "/alerts");
		Context context = new Context(Locale.ROOT, Map.of("m", view));
		Map<String, String> attributes = new LinkedHashMap<>();
		attributes.put("event", kind.name().toLowerCase(Locale.ROOT));
		attributes.put("alertId", Long.toString(alert.id()));
		attributes.put("rule", alert.rule().name());
		attributes.put("severity", alert.severity().name());
		attributes.put("endpoint", where);
		attributes.put("link", link);
		// What notify routes by (severity, tags) and what paging services key on (alert
		// id,
		// state), as plain values.
		MessageContext routing = new MessageContext(MessageSeverity.valueOf(alert.severity().name()),
				(endpoint != null) ? endpoint.tags() : List.of(), where, alert.id(),
				(kind == Kind.RESOLVE) ? "RESOLVED" : alert.state().name(), link);
		return new OutgoingMessage(kind.key(alert, reminder), subject, this.text.process("alert", context),
				this.html.process("alert", context), recipients, attributes, routing);
	}

	/**
	 * The daily digest of active alerts.
	 * @param date the day
	 * @param alerts the active alerts
	 * @param endpointNames display names by endpoint id
	 * @return the message
	 */
	OutgoingMessage digest(LocalDate date, List<AlertDetails> alerts, Map<Long, String> endpointNames) {
		List<DigestRow> rows = alerts.stream()
			.map((alert) -> new DigestRow(alert.severity().name(), alert.state().name(),
					(alert.endpointId() != null)
							? endpointNames.getOrDefault(alert.endpointId(), "#" + alert.endpointId()) : "TLSWatch",
					alert.title(), TIME.format(alert.openedAt()),
					(alert.endpointId() != null) ? this.baseUrl + "/endpoints/" + alert.endpointId()
							: this.baseUrl + "/alerts"))
			.toList();
		String subject = subject("[TLSWatch] Digest " + date + ": " + alerts.size() + " active alert"
				+ ((alerts.size() != 1) ? "s" : ""));
		Context context = new Context(Locale.ROOT,
				Map.of("date", date.toString(), "rows", rows, "alertsLink", this.baseUrl + "/alerts"));
		return new OutgoingMessage("digest-" + date, subject, this.text.process("digest", context),
				this.html.process("digest", context), List.of(),
				Map.of("event", "digest", "count", Integer.toString(alerts.size()), "link", this.baseUrl + "/alerts"));
	}

	/** One line, no control characters (no header injection), bounded. */
	static String subject(String raw) {
		String line = raw.replaceAll("[\\p{Cntrl}\\u2028\\u2029]+", " ").strip();
		return (line.length() > MAX_SUBJECT) ? line.substring(0, MAX_SUBJECT - 1) + "…" : line;
	}

	private static SpringTemplateEngine engine(TemplateMode mode, String suffix) {
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(AlertMessages.class.getClassLoader());
		resolver.setPrefix("templates/mail/");
		resolver.setSuffix(suffix);
		resolver.setTemplateMode(mode);
		resolver.setCharacterEncoding("UTF-8");
		resolver.setCacheable(true);
		SpringTemplateEngine engine = new SpringTemplateEngine();
		engine.setTemplateResolver(resolver);
		return engine;
	}

	/** A step of an alert's life that is told. */
	enum Kind {

		OPEN("[TLSWatch] ", "New alert"), ESCALATE("[TLSWatch] ", "Alert escalated"),
		RESOLVE("[TLSWatch] RESOLVED ", "Alert resolved"), REMIND("[TLSWatch] REMINDER ", "Alert still open");

		private final String prefix;

		private final String heading;

		Kind(String prefix, String heading) {
			this.prefix = prefix;
			this.heading = heading;
		}

		String key(AlertDetails alert, int reminder) {
			return switch (this) {
				case OPEN -> "alert-" + alert.id() + "-open";
				case ESCALATE -> "alert-" + alert.id() + "-escalate-" + alert.level();
				case RESOLVE -> "alert-" + alert.id() + "-resolve";
				case REMIND -> "alert-" + alert.id() + "-remind-" + reminder;
			};
		}

	}

	/**
	 * What the alert templates show; every value is escaped by the templates.
	 */
	record MailView(String heading, String severity, String endpoint, @Nullable String expectedName, String rule,
			String title, String message, @Nullable String address, @Nullable String certificateSubject,
			@Nullable String certificateIssuer, @Nullable String certificateSha256,
			@Nullable String certificateNotAfter, @Nullable String previousSha256, String openedAt, String link,
			String alertsLink) {
	}

	/** One line of the digest. */
	record DigestRow(String severity, String state, String endpoint, String title, String openedAt, String link) {
	}

}
