package be.werkregie.platform;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Starts the embedded PostgreSQL before the data source is created, unless an external database is
 * configured with {@code spring.datasource.url} (e.g. the SPRING_DATASOURCE_URL environment variable).
 * One server per JVM: test contexts share it.
 */
public class EmbeddedDatabaseEnvironment implements EnvironmentPostProcessor, Ordered {

    private static EmbeddedPostgres server;
    private static String url;
    private static String startedDatabase;
    private static int openContexts;

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        // demo mode: unless switched explicitly, only with the embedded database, never on an external (production) one
        String demo = env.getProperty("werkregie.demo.enabled");
        if (demo == null || demo.isBlank()) {
            boolean embedded = !env.containsProperty("spring.datasource.url")
                    && env.getProperty("werkregie.embedded-db.enabled", Boolean.class, true);
            env.getPropertySources().addFirst(new MapPropertySource("demoModeDefault",
                    Map.of("werkregie.demo.enabled", String.valueOf(embedded))));
        }
        if (env.containsProperty("spring.datasource.url")
                || !env.getProperty("werkregie.embedded-db.enabled", Boolean.class, true)) {
            return;
        }
        String database = env.getProperty("werkregie.embedded-db.database", "werkregie");
        synchronized (EmbeddedDatabaseEnvironment.class) {
            if (server == null) {
                Path home = Path.of(env.getProperty("werkregie.embedded-db.dir", "data"));
                if (env.getProperty("werkregie.embedded-db.clean", Boolean.class, false)) {
                    EmbeddedPostgres.deleteData(home);
                }
                int port = env.getProperty("werkregie.embedded-db.port", Integer.class, 0);
                server = new EmbeddedPostgres(home, port);
                // in the background: the context loads its classes meanwhile; the data source waits for it (below)
                url = server.startInBackground(database);
                startedDatabase = database;
                if (env.getProperty("werkregie.embedded-db.stop-on-exit", Boolean.class, true)) {
                    EmbeddedPostgres stopping = server;
                    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                        awaitContextsClosed(Duration.ofSeconds(20));
                        stopping.stop();
                    }, "embedded-postgres-stop"));
                }
            }
            openContexts++;
        }
        // each context uses the database it names (one server per JVM; a test may ask for a database of its own)
        String contextUrl = database.equals(startedDatabase) ? url : server.database(database);
        EmbeddedPostgres starting = server;
        // The context's own shutdown hook runs concurrently with ours: let it close its beans (connection pool,
        // event publication registry) before the server goes away. A disposable registered before any bean is
        // destroyed after all of them.
        application.addInitializers(context -> {
            ((DefaultSingletonBeanRegistry) context.getBeanFactory())
                    .registerDisposableBean("embeddedPostgresLease", EmbeddedDatabaseEnvironment::contextClosed);
            context.getBeanFactory().addBeanPostProcessor(new BeanPostProcessor() {
                @Override
                public Object postProcessBeforeInitialization(Object bean, String beanName) {
                    if (bean instanceof DataSource) {
                        starting.awaitReady();
                    }
                    return bean;
                }
            });
        });
        Map<String, Object> props = new HashMap<>();
        props.put("spring.datasource.url", contextUrl);
        props.put("spring.datasource.username", "postgres");
        props.put("spring.datasource.password", "");
        env.getPropertySources().addFirst(new MapPropertySource("embeddedPostgres", props));
    }

    private static void contextClosed() {
        synchronized (EmbeddedDatabaseEnvironment.class) {
            openContexts--;
            EmbeddedDatabaseEnvironment.class.notifyAll();
        }
    }

    private static void awaitContextsClosed(Duration max) {
        long deadline = System.nanoTime() + max.toNanos();
        synchronized (EmbeddedDatabaseEnvironment.class) {
            try {
                long left;
                while (openContexts > 0 && (left = deadline - System.nanoTime()) > 0) {
                    EmbeddedDatabaseEnvironment.class.wait(Math.max(1, left / 1_000_000));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
