package be.werkregie.platform;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Independent start-up work (the modules' demo histories) that runs side by side instead of one after the other,
 * each in a transaction of its own. The application reports itself ready only when all of it has finished: the
 * readiness state is published after {@link ApplicationReadyEvent}, whose first listener here waits for the tasks
 * and fails the start when one failed — as a failing {@code ApplicationRunner} did before.
 */
@Component
public class StartupTasks {

    private final TransactionTemplate tx;
    private final List<CompletableFuture<Void>> running = new CopyOnWriteArrayList<>();
    /** Completed when the task of that name has committed (or, at readiness, when no task of that name was started). */
    private final java.util.Set<String> started = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final java.util.Map<String, CompletableFuture<Void>> done = new java.util.concurrent.ConcurrentHashMap<>();

    StartupTasks(TransactionTemplate tx) {
        this.tx = tx;
    }

    /** Runs the task in a thread of its own, in one transaction. */
    public void inBackground(String name, Runnable task) {
        started.add(name);
        CompletableFuture<Void> finished = done.computeIfAbsent(name, n -> new CompletableFuture<>());
        CompletableFuture<Void> f = CompletableFuture.runAsync(() -> tx.executeWithoutResult(status -> task.run()), runnable -> {
            Thread t = new Thread(runnable, "startup-" + name);
            t.setDaemon(true);
            t.start();
        });
        f.whenComplete((ok, failure) -> finished.complete(null));
        running.add(f);
    }

    /**
     * Waits, inside another start-up task, until the named task has committed (its data is then visible), so that a
     * history can build on another module's history without both running one after the other from the start. A name
     * that no module starts (the module is switched off) is released when the application is ready.
     */
    public void await(String name) {
        done.computeIfAbsent(name, n -> new CompletableFuture<>()).join();
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void awaitAll() {
        // every runner has registered its tasks by now: release waits for tasks no one started
        done.forEach((name, f) -> {
            if (!started.contains(name)) {
                f.complete(null);
            }
        });
        for (CompletableFuture<Void> task : running) {
            try {
                task.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        }
        running.clear();
    }
}
