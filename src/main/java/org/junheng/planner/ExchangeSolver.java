package org.junheng.planner;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import ai.timefold.solver.core.api.solver.Solver;
import ai.timefold.solver.core.api.solver.SolverConfigOverride;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.localsearch.LocalSearchPhaseConfig;
import ai.timefold.solver.core.config.solver.EnvironmentMode;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Runs Timefold off the event loop: each search on a thread of a small bounded scheduler of its
 * own (a few searches at once, a short queue behind them), never on a Netty thread. A request
 * that ends early (cancelled, timed out, the client gone) terminates its search at once.
 */
@Component
class ExchangeSolver implements DisposableBean {

	/** The best plan found and how long the search took. */
	record Solved(ExchangePlan plan, long millis) {
	}

	/** The least a search is given, however late it starts. */
	private static final Duration MINIMUM = Duration.ofMillis(200);

	private final Scheduler scheduler;

	private final AtomicInteger running = new AtomicInteger();

	/** Solver factories by seed: building one reads the domain and compiles the constraints, a second's work when cold. */
	private final Cache<Long, SolverFactory<ExchangePlan>> factories = Caffeine.newBuilder().maximumSize(8).build();

	ExchangeSolver(@Value("${junheng.planner.threads:2}") int threads, @Value("${junheng.planner.queue:8}") int queue) {
		this.scheduler = Schedulers.newBoundedElastic(threads, queue, "planner");
	}

	/** Where the planner works: its searches, and what it computes before and after them. */
	Scheduler scheduler() {
		return this.scheduler;
	}

	/**
	 * Searches until {@code deadline} (a {@link System#nanoTime()}), less what building the solver
	 * took: the proposal's time limit covers the whole request, not the search alone.
	 */
	Mono<Solved> solve(ExchangePlan problem, long deadline, long seed) {
		return Mono.defer(() -> {
			AtomicReference<Solver<ExchangePlan>> running = new AtomicReference<>();
			AtomicBoolean cancelled = new AtomicBoolean();
			return Mono.fromCallable(() -> {
				long started = System.nanoTime();
				SolverFactory<ExchangePlan> factory = this.factories.get(seed, (key) -> SolverFactory.create(config(key)));
				// Timefold takes whole milliseconds.
				Duration left = Duration.ofMillis(Math.max(MINIMUM.toMillis(), (deadline - System.nanoTime()) / 1_000_000));
				Solver<ExchangePlan> solver = factory.buildSolver(new SolverConfigOverride<ExchangePlan>().withTerminationConfig(
						new TerminationConfig().withSpentLimit(left).withUnimprovedSpentLimit(unimproved(left))));
				running.set(solver);
				if (cancelled.get()) {
					return null;
				}
				this.running.incrementAndGet();
				ExchangePlan best;
				try {
					best = solver.solve(problem);
				}
				finally {
					this.running.decrementAndGet();
				}
				return cancelled.get() ? null : new Solved(best, (System.nanoTime() - started) / 1_000_000);
			}).subscribeOn(this.scheduler).doOnCancel(() -> {
				cancelled.set(true);
				Solver<ExchangePlan> solver = running.get();
				if (solver != null) {
					solver.terminateEarly();
				}
			});
		});
	}

	/** Searches under way now. */
	int running() {
		return this.running.get();
	}

	/**
	 * Local search only: every teacher starts unassigned (staying), which is a complete plan
	 * already, so a construction heuristic would only try every school for every teacher once.
	 * No assertions: the score is checked by the planner's tests. Each search sets its own
	 * termination: its time left, or earlier once a third of it (at least a second) brings no
	 * improvement.
	 */
	private static SolverConfig config(long seed) {
		return new SolverConfig().withSolutionClass(ExchangePlan.class)
			.withEntityClasses(Candidate.class)
			.withConstraintProviderClass(PlannerConstraints.class)
			.withEnvironmentMode(EnvironmentMode.NO_ASSERT)
			.withRandomSeed(seed)
			.withPhases(new LocalSearchPhaseConfig())
			.withTerminationConfig(new TerminationConfig().withSpentLimit(Duration.ofSeconds(ProposalOptions.MAX_SECONDS)));
	}

	private static Duration unimproved(Duration limit) {
		return Duration.ofMillis(Math.min(limit.toMillis(), Math.max(1000, limit.toMillis() / 3)));
	}

	@Override
	public void destroy() {
		this.scheduler.dispose();
	}

}
