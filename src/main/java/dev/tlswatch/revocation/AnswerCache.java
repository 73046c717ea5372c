package dev.tlswatch.revocation;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A bounded cache of answers that each hold until a given instant (an OCSP response's or
 * a CRL's nextUpdate): the least recently used entry goes first when it is full.
 * Thread-safe.
 *
 * @param <V> the kind of answer
 */
final class AnswerCache<V> {

	private final Map<String, Held<V>> entries;

	AnswerCache(int maxEntries) {
		this.entries = new LinkedHashMap<>(16, 0.75f, true) {

			private static final long serialVersionUID = 1L;

			@Override
			protected boolean removeEldestEntry(Map.Entry<String, Held<V>> eldest) {
				return size() > maxEntries;
			}

		};
	}

	/**
	 * The answer kept for a key, if it still holds.
	 * @param key the key
	 * @param now the time
	 * @return the answer, {@code null} when none holds
	 */
	synchronized @Nullable V get(String key, Instant now) {
		Held<V> entry = this.entries.get(key);
		if (entry == null) {
			return null;
		}
		if (!now.isBefore(entry.until())) {
			this.entries.remove(key);
			return null;
		}
		return entry.value();
	}

	/**
	 * Keep an answer until the given instant.
	 * @param key the key
	 * @param value the answer
	 * @param until when it no longer holds
	 */
	synchronized void put(String key, V value, Instant until) {
		this.entries.put(key, new Held<>(value, until));
	}

	synchronized int size() {
		return this.entries.size();
	}

	private record Held<V>(V value, Instant until) {
	}

}
