package dev.salvo.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The module arrows of docs/architecture.md, checked on the main classes of every module on this module's class path
 * (the cli depends on all of them). Modules that do not exist yet (templates, seed, patterns) are covered already:
 * their rules hold vacuously until their classes appear, and a {@code dev.salvo.<module>} package that is in no rule
 * fails {@link #everyPackageBelongsToAKnownModule}, so a new module must say what it may use.
 */
@AnalyzeClasses(
        packages = "dev.salvo",
        importOptions = {ImportOption.DoNotIncludeTests.class, ArchitectureTest.NoTestJars.class})
class ArchitectureTest {
    /** Each module and the modules it may use (arrows point from user to used; transitive uses are listed). */
    static final Map<String, Set<String>> USES = uses();

    private static Map<String, Set<String>> uses() {
        Map<String, Set<String>> m = new LinkedHashMap<>();
        m.put("sql", Set.of());
        m.put("reports", Set.of());
        m.put("feeders", Set.of("sql"));
        m.put("seed", Set.of("feeders", "sql"));
        m.put("runtime", Set.of("sql", "feeders", "reports"));
        // dsl -> seed: database().seed(spec) seeds the database before load (added with the seed module)
        m.put("dsl", Set.of("runtime", "seed", "sql", "feeders", "reports"));
        // the Snowflake opt-in (-Psnowflake): on cli's class path only with that profile
        m.put("snowflake", Set.of("runtime", "sql", "reports"));
        m.put("templates", Set.of("dsl", "runtime", "seed", "sql", "feeders", "reports"));
        m.put("patterns", Set.of("templates", "dsl", "runtime", "seed", "sql", "feeders", "reports"));
        m.put("benchmarks", Set.of("runtime", "seed", "sql", "feeders", "reports"));
        // simulations -> patterns: Sample06_TpcbLike runs the tpcb-like pattern's transaction (one definition)
        m.put("simulations", Set.of("patterns", "templates", "dsl", "runtime", "seed", "sql", "feeders", "reports"));
        m.put("cli", Set.of("patterns", "templates", "seed", "dsl", "runtime", "sql", "feeders", "reports"));
        return m;
    }

    /** The classes the JVM may be exited from: the two entry points. */
    static final String[] ENTRY_POINTS = {"dev.salvo.cli.SalvoCommand", "dev.salvo.runtime.GatlingLauncher"};

    /** Test jars (the dsl's and reports' test helpers on this class path) are not main code. */
    static final class NoTestJars implements ImportOption {
        @Override
        public boolean includes(Location location) {
            return !location.contains("-tests.jar");
        }
    }

    private static String pkg(String module) {
        return "dev.salvo." + module + "..";
    }

    @ArchTest
    static final ArchRule everyModuleUsesOnlyTheModulesItsArrowsAllow = CompositeArchRule.of(moduleRules());

    private static List<ArchRule> moduleRules() {
        List<ArchRule> rules = new ArrayList<>();
        for (Map.Entry<String, Set<String>> module : USES.entrySet()) {
            List<String> forbidden = new ArrayList<>();
            for (String other : USES.keySet()) {
                if (!other.equals(module.getKey()) && !module.getValue().contains(other)) {
                    forbidden.add(pkg(other));
                }
            }
            rules.add(noClasses()
                    .that()
                    .resideInAPackage(pkg(module.getKey()))
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(forbidden.toArray(String[]::new))
                    .as(module.getKey() + " uses only "
                            + (module.getValue().isEmpty()
                                    ? "no other Salvo module"
                                    : String.join(", ", module.getValue())))
                    .allowEmptyShould(true));
        }
        return rules;
    }

    @ArchTest
    static final ArchRule nothingOutsideAModuleUsesItsInternalPackage = CompositeArchRule.of(internalRules());

    private static List<ArchRule> internalRules() {
        List<ArchRule> rules = new ArrayList<>();
        for (String module : USES.keySet()) {
            rules.add(noClasses()
                    .that()
                    .resideOutsideOfPackage(pkg(module))
                    .should()
                    .dependOnClassesThat()
                    .resideInAPackage("dev.salvo." + module + ".internal..")
                    .as("nothing outside " + module + " uses dev.salvo." + module + ".internal")
                    .allowEmptyShould(true));
        }
        return rules;
    }

    @ArchTest
    static final ArchRule everyPackageBelongsToAKnownModule = classes()
            .should()
            .resideInAnyPackage(
                    USES.keySet().stream().map(ArchitectureTest::pkg).toArray(String[]::new))
            .as("every dev.salvo package belongs to a module listed in ArchitectureTest.USES (docs/architecture.md)");

    @ArchTest
    static final ArchRule onlyTheEntryPointsExitTheJvm = noClasses()
            .that()
            .doNotHaveFullyQualifiedName(ENTRY_POINTS[0])
            .and()
            .doNotHaveFullyQualifiedName(ENTRY_POINTS[1])
            .should()
            .callMethod(System.class, "exit", int.class)
            .orShould()
            .callMethod(Runtime.class, "exit", int.class)
            .orShould()
            .callMethod(Runtime.class, "halt", int.class)
            .as("library code never exits the JVM (only " + String.join(" and ", ENTRY_POINTS) + " do)");

    @ArchTest
    static final ArchRule noStaticMutableState = fields().that()
            .areStatic()
            .and()
            .areDeclaredInClassesThat()
            .resideInAPackage("dev.salvo..")
            .should()
            .beFinal()
            .as("library code keeps no static mutable fields");

    @ArchTest
    static void theRulesSeeEveryModuleOnTheClassPath(JavaClasses classes) {
        for (String module : List.of("sql", "feeders", "reports", "runtime", "dsl", "cli")) {
            if (classes.stream().noneMatch(c -> c.getPackageName().startsWith("dev.salvo." + module))) {
                throw new AssertionError("no classes of dev.salvo." + module + " were imported");
            }
        }
    }
}
