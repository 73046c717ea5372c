package dev.tlswatch.probe;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;

/**
 * Counts the connections of one full probe for the rate-limit question: how many were
 * opened, and how many the server cut after it had answered an earlier one. Passes every
 * call on to the caller's watch (the pacing). Thread-safe.
 */
final class ProbeTally implements ConnectionWatch {

	private final ConnectionWatch outer;

	private final AtomicInteger opened = new AtomicInteger();

	private final AtomicInteger answered = new AtomicInteger();

	private final AtomicInteger cutAfterAnswer = new AtomicInteger();

	private final AtomicReference<@Nullable String> firstCut = new AtomicReference<>();

	ProbeTally(ConnectionWatch outer) {
		this.outer = outer;
	}

	@Override
	public void beforeConnect() throws InterruptedException {
		this.outer.beforeConnect();
		this.opened.incrementAndGet();
	}

	@Override
	public void answered() {
		this.answered.incrementAndGet();
		this.outer.answered();
	}

	@Override
	public void cut(String reason) {
		if (this.answered.get() > 0) {
			this.cutAfterAnswer.incrementAndGet();
			this.firstCut.compareAndSet(null, reason);
		}
		this.outer.cut(reason);
	}

	int opened() {
		return this.opened.get();
	}

	int cutAfterAnswer() {
		return this.cutAfterAnswer.get();
	}

	String firstCut() {
		String reason = this.firstCut.get();
		return (reason != null) ? reason : "";
	}

}
