package dev.omskit.testkit.tck;

import static org.assertj.core.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntFunction;

/** The race harness the conformance kits share: real threads released at once by a start gate. */
final class Races {
    /** Threads of every race. */
    static final int THREADS = 8;

    /** How long a race may take before the kit calls it a deadlock. */
    static final Duration RACE_TIMEOUT = Duration.ofSeconds(60);

    private Races() {}

    /** The value a racing task returned, or what it threw. */
    record Outcome<T>(T value, Throwable error) {}

    /**
     * Runs {@code tasks} tasks on {@value #THREADS} threads, all released at once by a start gate, and
     * returns what each returned or threw. Fails the test if they do not finish within the race timeout.
     */
    static <T> List<Outcome<T>> race(int tasks, IntFunction<Callable<T>> task) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < tasks; i++) {
                Callable<T> body = task.apply(i);
                futures.add(pool.submit(() -> {
                    start.await();
                    return body.call();
                }));
            }
            start.countDown();
            long deadline = System.nanoTime() + RACE_TIMEOUT.toNanos();
            List<Outcome<T>> outcomes = new ArrayList<>();
            for (Future<T> future : futures) {
                try {
                    outcomes.add(new Outcome<>(
                            future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS), null));
                } catch (ExecutionException e) {
                    outcomes.add(new Outcome<>(null, e.getCause()));
                } catch (TimeoutException e) {
                    fail("racing tasks did not finish within " + RACE_TIMEOUT + "; a commit may be deadlocked");
                }
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
            if (!pool.awaitTermination(10, TimeUnit.SECONDS)) {
                fail("racing threads did not stop within 10 s of being interrupted");
            }
        }
    }

    /** What the tasks that did not throw returned. */
    static <T> List<T> successes(List<Outcome<T>> outcomes) {
        return outcomes.stream()
                .filter(o -> o.error() == null)
                .map(Outcome::value)
                .toList();
    }

    /** What the tasks that threw threw. */
    static <T> List<Throwable> failures(List<Outcome<T>> outcomes) {
        List<Throwable> errors = new ArrayList<>();
        for (Outcome<T> o : outcomes) {
            if (o.error() != null) {
                errors.add(o.error());
            }
        }
        return errors;
    }
}
