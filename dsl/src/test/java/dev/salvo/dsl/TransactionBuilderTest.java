package dev.salvo.dsl;

import static dev.salvo.dsl.SqlDsl.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.salvo.runtime.MixActionBuilder;
import dev.salvo.runtime.Slo;
import dev.salvo.runtime.SqlActionBuilder;
import dev.salvo.sql.QueryKind;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TransactionBuilderTest {
    private final TransactionBuilder tpcb = transaction("tpcb")
            .kind(QueryKind.UPDATE)
            .param("aid", randomLong(1, 100_000))
            .param("delta", randomLong(-5000, 5000))
            .statements(
                    update("accounts")
                            .query("UPDATE pgbench_accounts SET abalance = abalance + :delta WHERE aid = :aid"),
                    pointLookup("balance").query("SELECT abalance FROM pgbench_accounts WHERE aid = :aid"));

    @Test
    void goesIntoAMixWithPercentagesAndRoundRobinBesideARequest() {
        MixBuilder m = mix("m").percentages()
                .roundRobin()
                .add(80, tpcb)
                .add(20, sql("one").query("SELECT 1"));
        assertThat(m.asScala()).isInstanceOf(MixActionBuilder.class);
        assertThat(mix("r").add(1, tpcb).add(1, tpcb.noSlo()).asScala()).isInstanceOf(MixActionBuilder.class);
    }

    @Test
    void goesIntoATightLoop() {
        SqlActionBuilder looped =
                (SqlActionBuilder) tightLoop(Duration.ofSeconds(3), tpcb).asScala();
        assertThat(looped.transaction()).isTrue();
        assertThat(looped.loop()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void itsParametersAreSharedByItsStatementsAndDrawnFromTheSeededStream() {
        SqlActionBuilder a = (SqlActionBuilder) tpcb.asScala();
        assertThat(a.shared().strategies()).containsOnlyKeys("aid", "delta");
        assertThat(a.shared().binders()).isEmpty();
        assertThat(a.statements()).allSatisfy(s -> assertThat(s.parameters()).isEmpty());
        assertThat(a.statements().get(0).shared()).containsExactlyInAnyOrder("aid", "delta");
    }

    @Test
    void hasItsOwnSlo() {
        assertThat(((SqlActionBuilder) tpcb.asScala()).slo()).isEqualTo(Slo.defaultFor(QueryKind.UPDATE));
        SqlActionBuilder custom =
                (SqlActionBuilder) tpcb.slo(50, 100).maxErrorRate(0.05).asScala();
        assertThat(custom.slo()).isEqualTo(new Slo(Duration.ofMillis(50), Duration.ofMillis(100), 0.05));
        assertThat(((SqlActionBuilder) tpcb.noSlo().asScala()).slo()).isEqualTo(Slo.none());
        assertThatThrownBy(() -> tpcb.slo(100, 50)).hasMessageStartingWith("transaction 'tpcb': ");
    }

    @Test
    void refusesAParameterNoStatementUsesOrOneBoundTwice() {
        assertThatThrownBy(() -> tpcb.param("nope", 1).asScala())
                .hasMessage(
                        "transaction 'tpcb': every parameter it binds must appear in one of its statements as :name, but"
                                + " [nope] appears in none");
        assertThatThrownBy(() -> tpcb.param("aid", 1))
                .hasMessage("transaction 'tpcb': parameter 'aid' must be bound once, but is bound twice");
        assertThatThrownBy(() -> transaction("t")
                        .param("id", 1)
                        .statements(sql("s").query("SELECT :id").param("id", 2))
                        .asScala())
                .hasMessage("request 's': parameter 'id' must be bound once, but is bound by the statement and by its"
                        + " transaction");
    }

    @Test
    void aSharedParameterFromAPoolWorksFromTheDsl() {
        SqlActionBuilder a = (SqlActionBuilder) transaction("p")
                .params(sampleFromPool("region", "regions", dev.salvo.feeders.PoolOrdering.CIRCULAR))
                .pools(dev.salvo.feeders.Pool.of("regions", java.util.List.of("north", "south")))
                .statements(sql("s").query("SELECT :region"))
                .asScala();
        assertThat(a.shared().pools()).extracting(dev.salvo.feeders.Pool::name).containsExactly("regions");
    }
}
