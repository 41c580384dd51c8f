package dev.salvo.runtime.internal;

import dev.salvo.feeders.ImplicitParameters;
import dev.salvo.feeders.ParameterGenerator;
import dev.salvo.feeders.ParameterSpec;
import dev.salvo.feeders.ParameterStrategy;
import dev.salvo.feeders.Pool;
import dev.salvo.reports.ResultsBuilder;
import dev.salvo.runtime.ParameterSettings;
import dev.salvo.runtime.SharedParameters;
import dev.salvo.runtime.SqlRequest;
import dev.salvo.sql.SalvoException;
import dev.salvo.sql.profile.ProfileOptions;
import dev.salvo.sql.profile.ProfileSnapshot;
import dev.salvo.sql.profile.ProfileSnapshots;
import dev.salvo.sql.profile.TableProfile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds each request's parameter generator from its specs (or its kind's implicit specs) and the profiles of the tables
 * they name, loading snapshots or profiling the database once per table. Runs while actions are built, before load;
 * records each profile's hash and the seed in the results.
 */
final class ParameterContext {
    private final ParameterSettings settings;
    private final Target target;
    private final ResultsBuilder results;
    private final Map<String, ProfileSnapshot> snapshots = new LinkedHashMap<>();
    /** one generator per request definition, however many actions use it */
    private final Map<Object, ParameterGenerator> generators = new java.util.IdentityHashMap<>();
    /**
     * how many streams each name has: a builder used at two exec sites builds two request definitions with one name, and
     * each must draw its own stream (the same seed twice would repeat the first site's values at the second)
     */
    private final Map<String, Integer> streamsPerName = new java.util.HashMap<>();

    ParameterContext(ParameterSettings settings, Target target, ResultsBuilder results) {
        this.settings = settings;
        this.target = target;
        this.results = results;
        results.parameterSeed(settings.seed());
    }

    /** @return the request's generator, or null when it has no profile-backed or strategy parameters */
    synchronized ParameterGenerator generatorFor(SqlRequest request) {
        if (!generators.containsKey(request)) {
            List<ParameterSpec> specs = request.specs();
            if (request.implicitParameters()) {
                String table = request.shape().table();
                try {
                    TableProfile profile =
                            profile(table, ImplicitParameters.columnsToProfile(request.kind(), request.shape()));
                    specs = ImplicitParameters.forKind(request.kind(), request.shape(), profile);
                } catch (SalvoException e) {
                    throw new SalvoException("request '" + request.name() + "': " + e.getMessage(), e);
                }
            }
            generators.put(
                    request,
                    build(
                            "request '" + request.name() + "'",
                            request.name(),
                            specs,
                            request.strategies(),
                            request.pools(),
                            request.shape() == null ? null : request.shape().table()));
        }
        return generators.get(request);
    }

    /**
     * @param transaction the transaction's name
     * @param shared its shared parameters
     * @return their generator, or null when none is drawn (binders only)
     */
    synchronized ParameterGenerator generatorFor(String transaction, SharedParameters shared) {
        if (!generators.containsKey(shared)) {
            generators.put(
                    shared,
                    build(
                            "transaction '" + transaction + "'",
                            transaction,
                            shared.specs(),
                            shared.strategies(),
                            shared.pools(),
                            null));
        }
        return generators.get(shared);
    }

    /**
     * A generator with one stream per name: the run's seed mixed with the name, split by worker.
     *
     * @param owner the name the stream is seeded with (a request, a mix)
     * @return a generator of one uniform double in [0, 1)
     */
    ParameterGenerator uniformStream(String owner) {
        return ParameterGenerator.builder()
                .seed(settings.seed() ^ owner.hashCode())
                .worker(settings.workerIndex(), settings.workerCount())
                .parameters(ParameterSpec.randomNumeric("u", 0.0, 1.0))
                .build();
    }

    /**
     * @param owner the paced request's name (its schedule's stream is seeded with it and the run's seed, unsplit, so
     *     that every worker draws the same schedule and takes its share; a second paced loop of the same request, in
     *     another scenario or exec site, draws a schedule of its own rather than the first one's arrival times again)
     * @param perSecond arrivals per second, all workers together
     * @param duration how long the schedule runs
     * @return the paced loop's schedule
     */
    PacedLoop pacedLoop(String owner, double perSecond, java.time.Duration duration) {
        ParameterGenerator uniform = ParameterGenerator.builder()
                .seed(streamSeed("paced:" + owner))
                .parameters(ParameterSpec.randomNumeric("u", 0.0, 1.0))
                .build();
        return new PacedLoop(uniform, perSecond, duration.toNanos(), settings.workerIndex(), settings.workerCount());
    }

    private ParameterGenerator build(
            String where,
            String name,
            List<ParameterSpec> specs,
            Map<String, ParameterStrategy<?>> strategies,
            List<Pool> pools,
            String defaultTable) {
        try {
            if (specs.isEmpty() && strategies.isEmpty()) {
                return null;
            }
            Map<String, Set<String>> columnsByTable = new LinkedHashMap<>();
            for (ParameterSpec spec : specs) {
                String column = spec.column();
                if (column == null || column.isBlank()) {
                    continue;
                }
                int dot = column.lastIndexOf('.');
                String table;
                if (dot > 0) {
                    table = column.substring(0, dot);
                    column = column.substring(dot + 1);
                } else if (defaultTable != null) {
                    table = defaultTable;
                } else {
                    throw new SalvoException(
                            "parameter '" + spec.name() + "': a column of a query with written SQL must be named"
                                    + " table.column, but was '" + column + "'");
                }
                columnsByTable
                        .computeIfAbsent(table, t -> new LinkedHashSet<>())
                        .add(column);
            }
            List<TableProfile> profiles = new ArrayList<>();
            columnsByTable.forEach((table, columns) -> profiles.add(profile(table, new ArrayList<>(columns))));
            ParameterGenerator.Builder builder = ParameterGenerator.builder()
                    .profiles(profiles.toArray(TableProfile[]::new))
                    .pools(pools.toArray(Pool[]::new))
                    .seed(streamSeed(name))
                    .worker(settings.workerIndex(), settings.workerCount())
                    .parameters(specs);
            for (Map.Entry<String, ParameterStrategy<?>> e : strategies.entrySet()) {
                builder = builder.strategy(e.getKey(), e.getValue());
            }
            return builder.build();
        } catch (SalvoException e) {
            throw new SalvoException(where + ": " + e.getMessage(), e);
        }
    }

    /**
     * The first stream of a name is seeded with {@code seed ^ name.hashCode()} (what generated code and tests reproduce);
     * the n-th further definition of the same name gets a distinct, deterministic seed (build order is the setUp order).
     */
    private long streamSeed(String name) {
        int n = streamsPerName.merge(name, 1, Integer::sum) - 1;
        long seed = settings.seed() ^ name.hashCode();
        return n == 0 ? seed : seed + n * 0x9E3779B97F4A7C15L;
    }

    private TableProfile profile(String table, List<String> columns) {
        ProfileSnapshot known = snapshots.get(table);
        if (known != null
                && !settings.refreshProfiles()
                && known.profile().columns().keySet().containsAll(columns)) {
            return known.profile();
        }
        boolean refresh = settings.refreshProfiles() && known == null;
        ProfileSnapshot snapshot = ProfileSnapshots.loadOrProfile(
                settings.profilesDirectory(),
                table,
                columns,
                refresh,
                target.dialect,
                target::connection,
                ProfileOptions.DEFAULTS);
        if (snapshot.refreshed()) {
            System.out.println("[salvo] profiled " + table + " "
                    + snapshot.profile().columns().keySet() + " -> " + snapshot.file());
        }
        snapshots.put(table, snapshot);
        results.profileHash(table, snapshot.sha256());
        return snapshot.profile();
    }
}
