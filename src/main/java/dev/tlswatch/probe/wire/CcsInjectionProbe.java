package dev.tlswatch.probe.wire;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.security.SecureRandom;
import java.util.Map;

import dev.tlswatch.probe.ProbeOptions;
import dev.tlswatch.probe.ProbeTarget;
import dev.tlswatch.probe.SuiteEnumeration;
import dev.tlswatch.probe.TlsVersion;
import dev.tlswatch.probe.Vulnerability;
import dev.tlswatch.probe.VulnerabilityCheck;
import dev.tlswatch.probe.VulnerabilityResult;
import dev.tlswatch.probe.wire.RawSession.NoFlight;
import dev.tlswatch.probe.wire.RawSession.Record;

/**
 * CCS injection (CVE-2014-0224), one connection: after the server's flight, a
 * ChangeCipherSpec before any key exchange, then a record of random bytes as if
 * encrypted. A correct server refuses the early ChangeCipherSpec with unexpected_message
 * (RFC 5246 §7.1: it is only valid after the key exchange); a vulnerable one takes it,
 * switches to keys derived from nothing, and then fails to decrypt the record
 * (bad_record_mac, decryption_failed or record_overflow).
 */
final class CcsInjectionProbe implements VulnerabilityCheck {

	/** The one byte of a ChangeCipherSpec message, RFC 5246 §7.1. */
	static final int CHANGE_CIPHER_SPEC = 1;

	/** Bytes of the record sent as if encrypted: two AES blocks. */
	static final int FAKE_CIPHERTEXT_LENGTH = 32;

	/** Records passed over while waiting for the answer. */
	private static final int MAX_RECORDS = 4;

	private static final SecureRandom random = new SecureRandom();

	@Override
	public Vulnerability vulnerability() {
		return Vulnerability.CCS_INJECTION;
	}

	@Override
	public VulnerabilityResult check(ProbeTarget target, ProbeOptions options,
			Map<TlsVersion, SuiteEnumeration> suites) {
		VulnerabilityOffer offer = VulnerabilityOffer.of(suites, (suite) -> true);
		if (offer == null) {
			return Checks.noOlderVersion(Vulnerability.CCS_INJECTION, suites);
		}
		try (RawSession session = RawSession.open(target, options)) {
			session.flight(offer.hello(target).build());
			byte[] ciphertext = new byte[FAKE_CIPHERTEXT_LENGTH];
			random.nextBytes(ciphertext);
			session.send(offer.record(TlsRecords.CHANGE_CIPHER_SPEC, new byte[] { CHANGE_CIPHER_SPEC }),
					offer.record(TlsRecords.ALERT, ciphertext));
			return answer(session);
		}
		catch (WireConnection.Failure | NoFlight ex) {
			return VulnerabilityResult.notTested(Vulnerability.CCS_INJECTION, String.valueOf(ex.getMessage()), 1);
		}
		catch (IOException ex) {
			return VulnerabilityResult.notTested(Vulnerability.CCS_INJECTION,
					"Sending the ChangeCipherSpec failed: " + WireConnection.describe(ex), 1);
		}
	}

	private static VulnerabilityResult answer(RawSession session) {
		try {
			for (int i = 0; i < MAX_RECORDS; i++) {
				Record record = session.next();
				if (record == null) {
					return VulnerabilityResult.notVulnerable(Vulnerability.CCS_INJECTION,
							"Closed the connection on the early ChangeCipherSpec", 1);
				}
				if (record.type() == TlsRecords.ALERT) {
					return alert(record);
				}
			}
			return VulnerabilityResult.notTested(Vulnerability.CCS_INJECTION,
					"No alert after " + MAX_RECORDS + " records", 1);
		}
		catch (SocketTimeoutException ex) {
			return VulnerabilityResult.notTested(Vulnerability.CCS_INJECTION,
					"No answer to the early ChangeCipherSpec in time", 1);
		}
		catch (IOException | MalformedMessageException ex) {
			return VulnerabilityResult.notVulnerable(Vulnerability.CCS_INJECTION,
					"Ended the connection on the early ChangeCipherSpec: " + ex.getMessage(), 1);
		}
	}

	private static VulnerabilityResult alert(Record record) {
		int description = Checks.alertDescription(record);
		if (description == AlertDescription.BAD_RECORD_MAC.code()
				|| description == AlertDescription.DECRYPTION_FAILED.code()
				|| description == AlertDescription.RECORD_OVERFLOW.code()) {
			return VulnerabilityResult.vulnerable(Vulnerability.CCS_INJECTION,
					"Accepted an early ChangeCipherSpec, then answered " + Checks.alert(record), 1);
		}
		return VulnerabilityResult.notVulnerable(Vulnerability.CCS_INJECTION,
				"Refused the early ChangeCipherSpec with " + Checks.alert(record), 1);
	}

}
