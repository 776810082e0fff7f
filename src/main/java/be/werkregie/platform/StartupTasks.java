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

    StartupTasks(TransactionTemplate tx) {
        this.tx = tx;
    }

    /** Runs the task in a thread of its own, in one transaction. */
    public void inBackground(String name, Runnable task) {
        running.add(CompletableFuture.runAsync(() -> tx.executeWithoutResult(status -> task.run()), runnable -> {
            Thread t = new Thread(runnable, "startup-" + name);
            t.setDaemon(true);
            t.start();
        }));
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void awaitAll() {
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
