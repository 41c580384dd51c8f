package dev.salvo.dsl;

import static dev.salvo.dsl.SqlDsl.*;
import static io.gatling.javaapi.core.CoreDsl.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.salvo.sql.QueryKind;
import io.gatling.javaapi.core.ScenarioBuilder;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Calls every public DSL method and overload next to Gatling's {@code CoreDsl.*} (no ambiguous static import): compiling
 * is most of the assertion, the rest checks the builders end up as Gatling actions and protocols.
 */
class SqlDslCompileTest {

    @Test
    void everyPublicMethodAndOverload() {
        SqlProtocolBuilder db = database()
                .url("jdbc:postgresql://localhost:5432/app")
                .user("bench")
                .password("pw")
                .poolSize(4)
                .connectionTimeout(Duration.ofSeconds(5))
                .connectionTimeout(5)
                .queryTimeout(Duration.ofSeconds(30))
                .warmup(Duration.ofSeconds(1))
                .warmup(0)
                .seed(7)
                .profiles(Path.of("profiles"))
                .refreshProfiles()
                .worker(0, 1)
                .noDemoSchema()
                .noGatlingRequestStats()
                .embeddedSetup("CREATE TABLE t (a int)", "ANALYZE t")
                .beforeLoad(settings -> {});
        FindMaxBuilder search = findMax()
                .startConcurrency(1)
                .increment(1)
                .maxConcurrency(4)
                .stepDuration(1)
                .stepDuration(Duration.ofSeconds(2))
                .maxErrorRate(0.05)
                .maxP95Degradation(3)
                .minThroughputGain(2);
        SqlProtocolBuilder searching = database().findMax(search);

        SqlRequestBuilder lookup = pointLookup("lookup")
                .table("orders")
                .key("order_id")
                .columns("order_id", "amount")
                .param("key", randomLong(1, 10))
                .slo(Duration.ofMillis(50), Duration.ofMillis(100))
                .slo(50, 100)
                .maxErrorRate(0.02);
        SqlRequestBuilder range = rangeScan("range")
                .table("orders")
                .range("order_date")
                .params(randomInRange("from", "order_date"), offsetFromPrevious("to", "from", 1, 7));
        SqlRequestBuilder agg = aggregation("agg")
                .table("orders")
                .groupBy("category")
                .measure("amount")
                .noSlo();
        SqlRequestBuilder win = windowed("win")
                .table("orders")
                .key("order_id")
                .groupBy("category")
                .measure("amount");
        SqlRequestBuilder join = analyticalJoin("join")
                .table("orders")
                .join("customers", "customer_id")
                .groupBy("region")
                .measure("amount");
        SqlRequestBuilder wide = wideScan("wide").table("orders");
        SqlRequestBuilder distinct = approxDistinct("distinct").table("orders").columns("customer_id");
        SqlRequestBuilder ins = insert("ins").table("t").columns("a").params(sequence("a", "t.a"));
        SqlRequestBuilder upd = update("upd")
                .table("t")
                .key("id")
                .columns("v")
                .params(weightedSample("key", "id"), sampleFromTable("v", "v"));
        SqlRequestBuilder generic = sql("generic")
                .query("SELECT :a, :b, :c, :d, :e, :f")
                .param("a", 1)
                .param("b", s -> s.userId())
                .paramFromSession("c", "attr")
                .param("d", randomDate(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31)))
                .params(choice("e", List.of("x", "y")), randomNumeric("f", 1, 9));
        SqlRequestBuilder listed = request(QueryKind.GENERIC, "in")
                .query("SELECT 1 WHERE 1 IN (:ids)")
                .params(sampleList("ids", "t.id", 1, 3));
        assertThat(queryKind("point_lookup")).isEqualTo(QueryKind.POINT_LOOKUP);

        MixBuilder mixed = mix("m").percentages().roundRobin().add(50, lookup).add(50, generic);
        TransactionBuilder tx = transaction("tx").kind(QueryKind.UPDATE).statements(upd, ins);
        TransactionBuilder shared = transaction("shared")
                .param("id", randomLong(1, 10))
                .param("c", 3)
                .param("s", s -> s.userId())
                .params(sampleFromPool("p", "pool", dev.salvo.feeders.PoolOrdering.SHUFFLE))
                .pools(dev.salvo.feeders.Pool.of("pool", List.of(1, 2)))
                .statements(sql("one").query("SELECT :id, :c, :s, :p"))
                .slo(Duration.ofMillis(10), Duration.ofMillis(20))
                .slo(10, 20)
                .maxErrorRate(0.1)
                .noSlo();
        SqlRequestBuilder pooled = sql("pooled")
                .query("SELECT :p")
                .params(sampleFromPool("p", "pool", dev.salvo.feeders.PoolOrdering.RANDOM))
                .pools(dev.salvo.feeders.Pool.of("pool", List.of(1)));
        MixBuilder withTx = mix("t").add(1, tx).add(1, pooled);
        ScenarioBuilder scenario = scenario("all")
                .exec(lookup, range, agg, win, join, wide, distinct, generic, listed)
                .exec(mixed)
                .exec(tx)
                .exec(tightLoop(Duration.ofSeconds(1), lookup))
                .exec(shared)
                .exec(withTx)
                .exec(tightLoop(Duration.ofSeconds(1), shared));
        assertThat(db.protocol().embeddedSetup()).hasSize(2);
        assertThat(db.protocol().beforeLoad()).hasSize(1);

        assertThat(scenario).isNotNull();
        assertThat(search.injection()).isNotNull();
        assertThat(search.maxDuration()).isEqualTo(Duration.ofSeconds(8));
        assertThat(db.protocol().poolSize()).isEqualTo(4);
        assertThat(db.protocol().gatlingRequestStats()).isFalse();
        assertThat(db.protocol().parameters().seed()).isEqualTo(7);
        assertThat(searching.protocol().findMax().maxConcurrency()).isEqualTo(4);
        assertThat(mixed.asScala()).isNotNull();
        assertThat(tx.asScala()).isNotNull();
        assertThat(lookup.asScala()).isNotNull();
    }
}
