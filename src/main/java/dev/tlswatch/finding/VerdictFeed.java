package dev.tlswatch.finding;

import java.time.Instant;
import java.util.List;

/**
 * The verdicts judged recently on any node of a cluster, for readers that keep their own
 * copy current (metrics) without listening on every node.
 */
public interface VerdictFeed {

	/**
	 * The current verdicts judged at or after a time, oldest first.
	 * @param since the time
	 * @param limit the most to return
	 * @return the verdicts
	 */
	List<Verdict> judgedSince(Instant since, int limit);

}
