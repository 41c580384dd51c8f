package dev.salvo.benchmarks.overhead;

import dev.salvo.sql.EmbeddedDatabase;
import dev.salvo.sql.PostgresDialect;
import dev.salvo.sql.server.ServerStatistics;
import dev.salvo.sql.server.WaitTimeline;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;

/**
 * What the wait-event sampler costs, in CPU time (robust on a shared machine, unlike throughput): it samples as fast as
 * it can for a while, with {@code sessions} tagged sessions (half of them active in pg_sleep), and reports the client's
 * and the server backend's CPU per sample, and their share of one core at Salvo's default period (200 ms).
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar dev.salvo.benchmarks.overhead.SamplerCost DIR [sessions] [seconds]}
 *
 * <p>Last line: {@code RESULT samples=<n> client_cpu_us_per_sample=<x> server_cpu_us_per_sample=<y>
 * core_share_at_200ms=<fraction of one core>}
 */
public final class SamplerCost {
    private SamplerCost() {}

    /**
     * @param args work directory, tagged sessions (default 16), seconds of sampling (default 10)
     * @throws Exception on failure
     */
    public static void main(String[] args) throws Exception {
        int sessions = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        ServerStatistics stats = new PostgresDialect().serverStatistics();
        try (EmbeddedDatabase db = EmbeddedDatabase.start(Path.of(args[0]))) {
            Properties tagged = new Properties();
            stats.sessionTag("salvo-cost").forEach(tagged::setProperty);
            List<Connection> open = new ArrayList<>();
            List<CompletableFuture<?>> sleeping = new ArrayList<>();
            for (int i = 0; i < sessions; i++) {
                Connection c = DriverManager.getConnection(db.jdbcUrl(), tagged);
                open.add(c);
                if (i % 2 == 0) {
                    sleeping.add(CompletableFuture.runAsync(() -> {
                        try (Statement st = c.createStatement()) {
                            st.execute("SELECT pg_sleep(" + (seconds + 5) + ")");
                        } catch (Exception ignored) {
                            // cancelled at the end
                        }
                    }));
                }
            }
            Connection sampler = DriverManager.getConnection(db.jdbcUrl());
            int backend;
            try (Statement st = sampler.createStatement();
                    ResultSet rs = st.executeQuery("SELECT pg_backend_pid()")) {
                rs.next();
                backend = rs.getInt(1);
            }
            com.sun.management.OperatingSystemMXBean os =
                    (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            long serverBefore = ticks(backend);
            long clientBefore = os.getProcessCpuTime();
            var running = stats.waitSampler(sampler, "salvo-cost", Duration.ofNanos(1), Duration.ofSeconds(1));
            Thread.sleep(seconds * 1000L);
            long serverAfter = ticks(backend); // before stop() closes the backend
            WaitTimeline t = running.stop();
            long clientNanos = os.getProcessCpuTime() - clientBefore;
            double hz = 100; // Linux USER_HZ
            double serverMicros = (serverAfter - serverBefore) / hz * 1e6;
            double clientPer = clientNanos / 1000.0 / t.samples();
            double serverPer = serverMicros / t.samples();
            System.out.printf(
                    "%d samples in %d s; events seen: %s%n",
                    t.samples(), seconds, t.events().keySet());
            for (Connection c : open) {
                c.close();
            }
            System.out.printf(
                    "RESULT samples=%d client_cpu_us_per_sample=%.1f server_cpu_us_per_sample=%.1f "
                            + "core_share_at_200ms=%.5f%n",
                    t.samples(), clientPer, serverPer, (clientPer + serverPer) * 5 / 1e6);
        }
    }

    /** @return utime + stime of a process, in clock ticks */
    private static long ticks(int pid) throws Exception {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }
}
