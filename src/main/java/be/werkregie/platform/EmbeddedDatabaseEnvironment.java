package be.werkregie.platform;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
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

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        if (env.containsProperty("spring.datasource.url")
                || !env.getProperty("werkregie.embedded-db.enabled", Boolean.class, true)) {
            return;
        }
        synchronized (EmbeddedDatabaseEnvironment.class) {
            if (server == null) {
                Path home = Path.of(env.getProperty("werkregie.embedded-db.dir", "data"));
                if (env.getProperty("werkregie.embedded-db.clean", Boolean.class, false)) {
                    EmbeddedPostgres.deleteData(home);
                }
                int port = env.getProperty("werkregie.embedded-db.port", Integer.class, 0);
                server = new EmbeddedPostgres(home, port);
                url = server.start(env.getProperty("werkregie.embedded-db.database", "werkregie"));
                if (env.getProperty("werkregie.embedded-db.stop-on-exit", Boolean.class, true)) {
                    Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "embedded-postgres-stop"));
                }
            }
        }
        Map<String, Object> props = new HashMap<>();
        props.put("spring.datasource.url", url);
        props.put("spring.datasource.username", "postgres");
        props.put("spring.datasource.password", "");
        env.getPropertySources().addFirst(new MapPropertySource("embeddedPostgres", props));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
