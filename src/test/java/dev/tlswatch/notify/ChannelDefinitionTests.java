package dev.tlswatch.notify;

import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Channel settings: validation naming the field or key, routing, the older keys as
 * channels, and the webhook signature.
 */
class ChannelDefinitionTests {

	private static final OutboundAddressPolicy ALLOW_ALL = new OutboundAddressPolicy() {

		@Override
		public @Nullable String deniedHost(String host) {
			return host.equals("169.254.169.254") ? "169.254.169.254 is a cloud metadata service address" : null;
		}

		@Override
		public @Nullable String deniedAddress(InetAddress address) {
			return null;
		}

	};

	@Test
	void routingTakesSeverityAtLeastTheMinimumAndAnyListedTag() {
		ChannelDefinition pager = channel("pager", ChannelType.PAGERDUTY, null, "key", MessageSeverity.CRITICAL,
				List.of("Mail"));
		ChannelDefinition everything = channel("all", ChannelType.SLACK, "https://hooks.slack.com/services/x", null,
				MessageSeverity.INFO, List.of());

		assertThat(pager.tags()).containsExactly("mail");
		assertThat(pager.accepts(context(MessageSeverity.CRITICAL, "web", "mail"))).isTrue();
		assertThat(pager.accepts(context(MessageSeverity.WARNING, "mail"))).isFalse();
		assertThat(pager.accepts(context(MessageSeverity.CRITICAL, "web"))).isFalse();
		assertThat(pager.accepts(context(MessageSeverity.CRITICAL))).isFalse();
		assertThat(everything.accepts(context(MessageSeverity.INFO))).isTrue();
		assertThat(everything.accepts(MessageContext.NONE)).isTrue();
	}

	@Test
	void eachMissingOrWrongValueNamesItsField() {
		assertField("name", () -> channel("Bad Name", ChannelType.SLACK, "https://x.example", null,
				MessageSeverity.INFO, List.of()));
		assertField("url", () -> channel("a", ChannelType.SLACK, null, null, MessageSeverity.INFO, List.of()));
		assertField("url",
				() -> channel("a", ChannelType.DISCORD, "ftp://x.example/", null, MessageSeverity.INFO, List.of()));
		assertField("url", () -> channel("a", ChannelType.WEBHOOK, "https://user:pw@x.example/", null,
				MessageSeverity.INFO, List.of()));
		assertField("secret", () -> channel("a", ChannelType.OPSGENIE, null, null, MessageSeverity.INFO, List.of()));
		assertField("secret",
				() -> channel("a", ChannelType.TELEGRAM, null, "not-a-token", MessageSeverity.INFO, List.of()));
		assertField("tags", () -> channel("a", ChannelType.NTFY, "https://ntfy.sh/t", null, MessageSeverity.INFO,
				List.of("bad tag!")));
		assertField("chat-id", () -> new ChannelDefinition("a", ChannelType.TELEGRAM, null, "1:abc",
				MessageSeverity.INFO, List.of(), List.of(), null, ChannelDefinition.Origin.DASHBOARD));
		assertField("to", () -> new ChannelDefinition("a", ChannelType.MAIL, null, null, MessageSeverity.INFO,
				List.of(), List.of("Ops <ops@example.com>"), null, ChannelDefinition.Origin.DASHBOARD));
		assertField("to", () -> new ChannelDefinition("a", ChannelType.SLACK, URI.create("https://x.example/"), null,
				MessageSeverity.INFO, List.of(), List.of("ops@example.com"), null, ChannelDefinition.Origin.DASHBOARD));
	}

	@Test
	void targetHidesPathQueryAndSecretAndServicesHaveTheirPublicAddress() {
		assertThat(channel("s", ChannelType.SLACK, "https://hooks.slack.com/services/T0/B1/SECRET?x=1", null,
				MessageSeverity.INFO, List.of())
			.target()).isEqualTo("https://hooks.slack.com");
		assertThat(channel("p", ChannelType.PAGERDUTY, null, "k", MessageSeverity.INFO, List.of()).target())
			.isEqualTo("https://events.pagerduty.com");
		assertThat(channel("t", ChannelType.TELEGRAM, null, "1:a", MessageSeverity.INFO, List.of()).toString())
			.doesNotContain("1:a");
	}

	@Test
	void configuredChannelsAreCheckedAtStartNamingTheKey() {
		assertThatIllegalStateException()
			.isThrownBy(() -> ChannelRegistry
				.configured(settings(null, Map.of("ops", properties(null, "https://x.example/", null))), ALLOW_ALL))
			.withMessageStartingWith("tlswatch.notify.channels.ops.type is required");
		assertThatIllegalStateException()
			.isThrownBy(() -> ChannelRegistry
				.configured(settings(null, Map.of("pd", properties(ChannelType.PAGERDUTY, null, null))), ALLOW_ALL))
			.withMessageStartingWith("tlswatch.notify.channels.pd.secret: ");
		assertThatIllegalStateException()
			.isThrownBy(
					() -> ChannelRegistry.configured(
							settings(null,
									Map.of("meta",
											properties(ChannelType.WEBHOOK, "http://169.254.169.254/latest", null))),
							ALLOW_ALL))
			.withMessage("tlswatch.notify.channels.meta.url is refused by the scan target policy: "
					+ "169.254.169.254 is a cloud metadata service address");
		assertThatIllegalStateException()
			.isThrownBy(() -> ChannelRegistry.configured(settings("http://169.254.169.254/hook", Map.of()), ALLOW_ALL))
			.withMessageStartingWith("tlswatch.notify.webhook.url is refused by the scan target policy");
	}

	@Test
	void olderMailAndWebhookKeysBecomeTheChannelsMailAndWebhook() {
		Map<String, ChannelDefinition> channels = ChannelRegistry
			.configured(settings("https://hooks.example.com/x", Map.of()), ALLOW_ALL);

		assertThat(channels).containsOnlyKeys("mail", "webhook");
		assertThat(channels.get("mail").type()).isEqualTo(ChannelType.MAIL);
		assertThat(channels.get("mail").to()).containsExactly("ops@example.com");
		assertThat(channels.get("webhook").type()).isEqualTo(ChannelType.WEBHOOK);
		assertThat(channels.get("webhook").url()).isEqualTo(URI.create("https://hooks.example.com/x"));
		assertThat(channels.get("webhook").secret()).isNull();
		assertThatIllegalStateException()
			.isThrownBy(
					() -> ChannelRegistry.configured(
							settings("https://hooks.example.com/x",
									Map.of("webhook",
											properties(ChannelType.SLACK, "https://hooks.slack.com/x", null))),
							ALLOW_ALL))
			.withMessageContaining("tlswatch.notify.webhook.url")
			.withMessageContaining("tlswatch.notify.channels.webhook.");
	}

	@Test
	void signatureIsHexHmacSha256OfTheBody() {
		// RFC 4231 §4.3, test case 2
		assertThat(ChannelPayloads.hmacSha256Hex("Jefe", "what do ya want for nothing?"))
			.isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
	}

	@Test
	void chatTextsAreBoundedToWhatTheServiceAccepts() {
		Delivery delivery = new Delivery(1, "d", ChannelType.DISCORD, "id", 0, null, List.of(), "k", "s",
				"x".repeat(10_000), null, Map.of(), MessageContext.NONE);
		ChannelDefinition discord = channel("d", ChannelType.DISCORD, "https://discord.example/api/webhooks/1/x", null,
				MessageSeverity.INFO, List.of());

		String body = ChannelPayloads.call(discord, delivery).body();

		assertThat(tools.jackson.databind.json.JsonMapper.builder().build().readTree(body).get("content").asString())
			.hasSize(ChannelPayloads.MAX_DISCORD)
			.endsWith("…");
	}

	private static void assertField(String field, Runnable action) {
		assertThatExceptionOfType(InvalidChannelException.class).isThrownBy(action::run)
			.satisfies((ex) -> assertThat(ex.getField()).isEqualTo(field));
	}

	private static ChannelDefinition channel(String name, ChannelType type, @Nullable String url,
			@Nullable String secret, MessageSeverity minimum, List<String> tags) {
		return new ChannelDefinition(name, type, (url != null) ? URI.create(url) : null, secret, minimum, tags,
				List.of(), (type == ChannelType.TELEGRAM) ? "-100123" : null, ChannelDefinition.Origin.CONFIGURATION);
	}

	private static MessageContext context(MessageSeverity severity, String... tags) {
		return new MessageContext(severity, List.of(tags), "e", 1L, "OPEN", null);
	}

	private static NotifySettings.ChannelProperties properties(@Nullable ChannelType type, @Nullable String url,
			@Nullable String secret) {
		return new NotifySettings.ChannelProperties(type, (url != null) ? URI.create(url) : null, secret,
				MessageSeverity.INFO, List.of(), List.of(), null);
	}

	private static NotifySettings settings(@Nullable String webhook,
			Map<String, NotifySettings.ChannelProperties> channels) {
		return new NotifySettings(new NotifySettings.Mail("tlswatch@example.com", List.of("ops@example.com")),
				new NotifySettings.Webhook((webhook != null) ? URI.create(webhook) : null, Duration.ofSeconds(5),
						Duration.ofSeconds(10)),
				channels, Duration.ofSeconds(10), 100,
				new NotifySettings.Retry(Duration.ofSeconds(30), Duration.ofMinutes(30)));
	}

}
