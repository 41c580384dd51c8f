package dev.salvo.runtime.internal;

import io.gatling.core.CoreComponents;
import io.gatling.core.controller.inject.InjectionProfile;
import io.gatling.core.controller.inject.closed.ClosedInjectionProfile;
import io.gatling.core.controller.inject.open.OpenInjectionProfile;
import io.gatling.core.scenario.SimulationParams;
import io.gatling.core.structure.PopulationBuilder;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The simulation's injection profile as text for results.json's {@code config} (and so the report's settings): per
 * scenario its model and steps with their users, rates and durations as Gatling describes them, the global throttle
 * and the maximum duration. Read once, before a distributed run replaces the steps by this worker's share.
 */
final class InjectionProfiles {
    private InjectionProfiles() {}

    /**
     * @param core Gatling's components
     * @return {@code injection.<scenario>} = {@code open: step, step, ...} or {@code closed: ...}, plus
     *     {@code injection.throttle} and {@code injection.maxDuration} when set; one {@code injection} entry saying why
     *     when Gatling's internals cannot be read
     */
    static Map<String, String> describe(CoreComponents core) {
        Map<String, String> out = new TreeMap<>();
        try {
            Object controller = field(core.controller(), "actor");
            SimulationParams params = (SimulationParams) field(controller, "simulationParams");
            for (PopulationBuilder p :
                    CollectionConverters.asJava(PopulationBuilder.flatten(params.rootPopulationBuilders()))) {
                InjectionProfile profile = p.injectionProfile();
                String model = profile instanceof OpenInjectionProfile
                        ? "open"
                        : profile instanceof ClosedInjectionProfile
                                ? "closed"
                                : profile.getClass().getSimpleName();
                List<String> steps = new ArrayList<>();
                CollectionConverters.asJava((scala.collection.Iterable<?>) field(profile, "steps"))
                        .forEach(step -> steps.add(String.valueOf(step)));
                out.put("injection." + p.scenarioBuilder().name(), model + ": " + String.join(", ", steps));
            }
            List<String> throttle = new ArrayList<>();
            CollectionConverters.asJava(params.globalThrottleSteps())
                    .forEach(step -> throttle.add(String.valueOf(step)));
            if (!throttle.isEmpty()) {
                out.put("injection.throttle", String.join(", ", throttle));
            }
            if (params.maxDuration().isDefined()) {
                out.put("injection.maxDuration", params.maxDuration().get().toString());
            }
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            out.clear();
            out.put("injection", "not readable from this Gatling version (" + e + ")");
        }
        return out;
    }

    private static Object field(Object owner, String name) throws ReflectiveOperationException {
        Field f = owner.getClass().getDeclaredField(name);
        f.setAccessible(true);
        return f.get(owner);
    }
}
