package dev.salvo.templates;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salvo.runtime.Slo;
import dev.salvo.runtime.SqlActionBuilder;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TemplateWorkloadTest {
    static TemplateWorkload workload(String golden) {
        return TemplateWorkload.of(TemplateParser.parse(Path.of("src/test/resources/golden/" + golden)));
    }

    @Test
    void buildsOneRequestPerQueryWithTheTargetsAsItsSlo() {
        TemplateWorkload w = workload("find_max_lookups.yaml");
        assertThat(w.requests().keySet())
                .containsExactly("point_lookup_1", "range_scan_2", "count of \"recent\" orders");
        SqlActionBuilder a =
                (SqlActionBuilder) w.requests().get("point_lookup_1").asScala();
        assertThat(a.slo())
                .as("p95 keeps the kind's default")
                .isEqualTo(new Slo(Duration.ofMillis(100), Duration.ofMillis(300), Slo.DEFAULT_MAX_ERROR_RATE));
        SqlActionBuilder generic = (SqlActionBuilder)
                w.requests().get("count of \"recent\" orders").asScala();
        assertThat(generic.slo())
                .as("GENERIC has no default")
                .isEqualTo(new Slo(Duration.ofMillis(300), Duration.ofMillis(300), Slo.DEFAULT_MAX_ERROR_RATE));
    }

    @Test
    void aFindMaxTemplateLastsAtMostItsSteps() {
        TemplateWorkload w = workload("find_max_lookups.yaml");
        assertThat(w.search().maxDuration()).isEqualTo(Duration.ofSeconds(12));
        assertThat(w.maxDuration()).isEqualTo(Duration.ofSeconds(13));
        assertThat(w.population()).isNotNull();
        assertThat(w.protocol().protocol()).isNotNull();
    }

    @Test
    void aRampIsCountedBeforeWarmupAndDuration() {
        TemplateWorkload w = workload("qps_ramp.yaml");
        assertThat(w.totalSeconds()).isEqualTo(40);
        assertThat(w.maxDuration()).isEqualTo(Duration.ofSeconds(40));
        assertThat(w.assertions()).hasSize(1);
        assertThat(w.search()).isNull();
        SqlActionBuilder a = (SqlActionBuilder) w.requests().get("by category").asScala();
        assertThat(a.slo().maxErrorRate()).isEqualTo(0.005);
    }
}
