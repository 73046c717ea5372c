package dev.tlswatch.notify;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.tlswatch.endpoint.OutboundUrlPolicy;
import dev.tlswatch.endpoint.PolicyDecision;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.mock;

/**
 * A webhook asks the endpoint module's outbound URL policy before each POST and sends
 * nothing when it is denied.
 */
class WebhookPolicyTests {

	@Test
	void aDeniedUrlIsNotContactedAndTheFailureNamesThePolicyButNotTheToken() {
		URI url = URI.create("http://[64:ff9b::a9fe:a9fe]/hooks/SECRET-TOKEN");
		OutboundUrlPolicy policy = mock(OutboundUrlPolicy.class);
		given(policy.checkBeforeConnect(url)).willReturn(new PolicyDecision(false,
				"64:ff9b:0:0:0:0:a9fe:a9fe is a NAT64 address (64:ff9b::/96) that carries 169.254.169.254"));
		NotifySettings settings = new NotifySettings(new NotifySettings.Mail("tlswatch@localhost", List.of()),
				new NotifySettings.Webhook(url, Duration.ofSeconds(1), Duration.ofSeconds(1)), Duration.ofSeconds(10),
				100, new NotifySettings.Retry(Duration.ofSeconds(30), Duration.ofMinutes(5)));
		WebhookChannel channel = new WebhookChannel(settings, policy);
		try {
			assertThatExceptionOfType(DeliveryFailedException.class).isThrownBy(() -> channel.send(delivery()))
				.withMessageContaining("refused by the scan target policy")
				.withMessageContaining("carries 169.254.169.254")
				.withMessageNotContaining("SECRET-TOKEN");
			then(policy).should().checkBeforeConnect(url);
		}
		finally {
			channel.destroy();
		}
	}

	private static Delivery delivery() {
		return new Delivery(1, Channel.WEBHOOK, "delivery-1", 0, null, List.of(), "key-1", "Subject", "Text", null,
				Map.of());
	}

}
