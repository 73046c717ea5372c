package dev.tlswatch.notify;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every channel, by name: those of the configuration ({@code tlswatch.notify.channels.*},
 * plus {@code mail} and {@code webhook} from the older keys), checked at start with a
 * message naming the key at fault, and those added on the dashboard, stored in
 * {@code notify_channel}. Routing asks it which channels take a message.
 */
@Service
class ChannelRegistry implements NotificationChannels {

	static final String KEY = "tlswatch.notify.channels.";

	static final String LEGACY_MAIL = "mail";

	static final String LEGACY_WEBHOOK = "webhook";

	private static final Logger logger = LoggerFactory.getLogger(ChannelRegistry.class);

	private final Map<String, ChannelDefinition> configured;

	private final ChannelStore store;

	private final OutboundAddressPolicy policy;

	private final List<ChannelSender> senders;

	private final MailChannel mail;

	private final Clock clock;

	ChannelRegistry(NotifySettings settings, ChannelStore store, OutboundAddressPolicy policy,
			List<ChannelSender> senders, MailChannel mail, Clock clock) {
		this.store = store;
		this.policy = policy;
		this.senders = List.copyOf(senders);
		this.mail = mail;
		this.clock = clock;
		this.configured = configured(settings, policy);
	}

	/**
	 * The channels of the configuration, checked.
	 * @throws IllegalStateException naming the key at fault
	 */
	static Map<String, ChannelDefinition> configured(NotifySettings settings, OutboundAddressPolicy policy) {
		Map<String, ChannelDefinition> channels = configured(settings);
		boolean legacyWebhook = settings.webhook().url() != null;
		channels.values().forEach((channel) -> checkConfiguredHost(channel, legacyWebhook, policy));
		return channels;
	}

	private static Map<String, ChannelDefinition> configured(NotifySettings settings) {
		Map<String, ChannelDefinition> channels = new LinkedHashMap<>();
		new TreeMap<>(settings.channels())
			.forEach((name, properties) -> channels.put(name, fromProperties(name, properties)));
		URI webhook = settings.webhook().url();
		if (webhook != null) {
			if (channels.containsKey(LEGACY_WEBHOOK)) {
				throw new IllegalStateException("tlswatch.notify.webhook.url and " + KEY
						+ "webhook.* both define the channel 'webhook': keep " + KEY + "webhook.type=WEBHOOK and " + KEY
						+ "webhook.url, and remove tlswatch.notify.webhook.url");
			}
			channels.put(LEGACY_WEBHOOK, new ChannelDefinition(LEGACY_WEBHOOK, ChannelType.WEBHOOK, webhook, null,
					MessageSeverity.INFO, List.of(), List.of(), null, ChannelDefinition.Origin.CONFIGURATION));
		}
		if (!channels.containsKey(LEGACY_MAIL)) {
			channels.put(LEGACY_MAIL,
					new ChannelDefinition(LEGACY_MAIL, ChannelType.MAIL, null, null, MessageSeverity.INFO, List.of(),
							settings.mail().to(), null, ChannelDefinition.Origin.CONFIGURATION));
		}
		return Map.copyOf(channels);
	}

	private static ChannelDefinition fromProperties(String name, NotifySettings.ChannelProperties properties) {
		if (properties.type() == null) {
			throw new IllegalStateException(
					KEY + name + ".type is required: one of " + Arrays.toString(ChannelType.values()));
		}
		try {
			return new ChannelDefinition(name, properties.type(), properties.url(), properties.secret(),
					properties.minSeverity(), properties.tags(), properties.to(), properties.chatId(),
					ChannelDefinition.Origin.CONFIGURATION);
		}
		catch (InvalidChannelException ex) {
			throw new IllegalStateException(KEY + name + "." + ex.getField() + ": " + ex.getMessage(), ex);
		}
	}

	private static void checkConfiguredHost(ChannelDefinition channel, boolean legacyWebhook,
			OutboundAddressPolicy policy) {
		String denial = deniedHost(channel, policy);
		if (denial != null) {
			String key = (legacyWebhook && LEGACY_WEBHOOK.equals(channel.name())) ? "tlswatch.notify.webhook.url"
					: KEY + channel.name() + ".url";
			throw new IllegalStateException(key + " is refused by the scan target policy: " + denial);
		}
	}

	private static @Nullable String deniedHost(ChannelDefinition channel, OutboundAddressPolicy policy) {
		URI url = channel.effectiveUrl();
		return (url != null) ? policy.deniedHost(url.getHost()) : null;
	}

	@Override
	@Transactional(readOnly = true)
	public List<ChannelDefinition> channels() {
		List<ChannelDefinition> all = new ArrayList<>(new TreeMap<>(this.configured).values());
		this.store.findAll()
			.stream()
			.filter((channel) -> !this.configured.containsKey(channel.name()))
			.forEach(all::add);
		return List.copyOf(all);
	}

	/**
	 * The channels that take a message and can deliver on this node.
	 * @param context the message's severity and tags
	 * @return the channels, by name
	 */
	List<ChannelDefinition> routed(MessageContext context) {
		return channels().stream().filter((channel) -> channel.accepts(context)).filter(this::enabled).toList();
	}

	/**
	 * The channels that can deliver on this node, by name.
	 * @return the channels
	 */
	Map<String, ChannelDefinition> enabledByName() {
		Map<String, ChannelDefinition> enabled = new LinkedHashMap<>();
		channels().stream().filter(this::enabled).forEach((channel) -> enabled.put(channel.name(), channel));
		return enabled;
	}

	boolean enabled(ChannelDefinition channel) {
		return sender(channel.type()).enabled(channel);
	}

	ChannelSender sender(ChannelType type) {
		return this.senders.stream()
			.filter((sender) -> sender.supports(type))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("No sender for " + type));
	}

	Optional<ChannelDefinition> configured(String name) {
		return Optional.ofNullable(this.configured.get(name));
	}

	@Override
	@Transactional
	public ChannelDefinition save(ChannelInput input) {
		String name = input.name().strip().toLowerCase(Locale.ROOT);
		if (this.configured.containsKey(name)) {
			throw new ChannelConflictException(name);
		}
		ChannelType type = parse(ChannelType.class, "type", input.type());
		MessageSeverity severity = parse(MessageSeverity.class, "min-severity", input.minSeverity());
		String secret = input.secret();
		if (secret.isBlank()) {
			secret = this.store.find(name)
				.filter((stored) -> stored.type() == type)
				.map(ChannelDefinition::secret)
				.orElse("");
		}
		ChannelDefinition channel = new ChannelDefinition(name, type, ChannelDefinition.parseUrl(input.url()), secret,
				severity, words(input.tags()), words(input.to()), input.chatId(), ChannelDefinition.Origin.DASHBOARD);
		String denial = deniedHost(channel, this.policy);
		if (denial != null) {
			throw new InvalidChannelException("url", "The URL is refused by the scan target policy: " + denial);
		}
		this.store.upsert(channel, this.clock.instant());
		logger.info("Notification channel '{}' ({}) saved", channel.name(), channel.type());
		return channel;
	}

	@Override
	@Transactional
	public void delete(String name) {
		if (this.configured.containsKey(name)) {
			throw new ChannelConflictException(name);
		}
		if (!this.store.delete(name)) {
			throw new ChannelNotFoundException(name);
		}
		logger.info("Notification channel '{}' deleted", DeliveryFailedException.clean(name));
	}

	@Override
	public ChannelTestResult sendTest(String name) {
		ChannelDefinition channel = channels().stream()
			.filter((candidate) -> candidate.name().equals(name))
			.findFirst()
			.orElseThrow(() -> new ChannelNotFoundException(name));
		ChannelSender sender = sender(channel.type());
		if (!sender.enabled(channel)) {
			return new ChannelTestResult(name, false, "Mail is off: spring.mail.host is not set.");
		}
		if (channel.type() == ChannelType.MAIL && channel.to().isEmpty()) {
			return new ChannelTestResult(name, false, "The channel has no recipients.");
		}
		String text = "This is a test message from TLSWatch's channel '" + name + "', sent at " + this.clock.instant()
				+ ". Delivery works.";
		String key = "test-" + UUID.randomUUID();
		Delivery delivery = new Delivery(0, name, channel.type(),
				(channel.type() == ChannelType.MAIL) ? this.mail.newMessageId() : "tlswatch-" + UUID.randomUUID(), 0,
				this.mail.from(), channel.to(), key, "TLSWatch test message", text, null, Map.of("event", "test"),
				new MessageContext(MessageSeverity.INFO, List.of(), null, null, null, null));
		try {
			sender.send(channel, delivery);
			logger.info("Test message sent through channel '{}'", name);
			return new ChannelTestResult(name, true, null);
		}
		catch (DeliveryFailedException ex) {
			logger.warn("Test message through channel '{}' failed: {}", name, ex.getMessage());
			return new ChannelTestResult(name, false, ex.getMessage());
		}
	}

	private static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
		try {
			return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidChannelException(field, "Choose one of " + Arrays.toString(type.getEnumConstants()));
		}
	}

	private static List<String> words(String text) {
		return Arrays.stream(text.split("[,\\s]+")).filter((word) -> !word.isEmpty()).toList();
	}

}
