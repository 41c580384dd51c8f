package dev.salvo.templates;

import io.gatling.javaapi.core.Simulation;
import java.nio.file.Path;

/**
 * Runs the template named by {@code -Dsalvo.template=path/to/workload.yaml} (relative paths are resolved against
 * {@code -Dsalvo.templateBase}, which the simulations module sets to the directory Maven was started in), e.g.
 * {@code mvn gatling:test -Dsalvo.template=simulations/src/test/resources/templates/oltp_orders.yaml}. A template with
 * problems stops the run before load, listing every problem with its line and column.
 */
public class TemplateSimulation extends Simulation {
    /** The system property naming the template file. */
    public static final String TEMPLATE_PROPERTY = "salvo.template";
    /** The system property relative template paths are resolved against. */
    public static final String BASE_PROPERTY = "salvo.templateBase";

    /** Parses the template and sets up its scenario, protocol and assertions. */
    public TemplateSimulation() {
        TemplateWorkload workload;
        try {
            workload = TemplateWorkload.of(TemplateParser.parse(templateFile()));
        } catch (TemplateException e) {
            for (String line : e.problems()) {
                System.err.println("[salvo] ERROR " + line);
            }
            System.err.flush();
            throw e;
        }
        Template t = workload.template();
        System.out.println("[salvo] template " + t.file() + " (sha256 " + t.sha256() + "): "
                + t.queries().size() + " queries, " + t.load().mode());
        setUp(workload.population())
                .protocols(workload.protocol())
                .maxDuration(workload.maxDuration())
                .assertions(workload.assertions());
    }

    /**
     * @return the template file from {@value #TEMPLATE_PROPERTY}, resolved against {@value #BASE_PROPERTY}
     * @throws TemplateException when the property is not set
     */
    public static Path templateFile() {
        String name = System.getProperty(TEMPLATE_PROPERTY, "");
        if (name.isBlank()) {
            throw new TemplateException(java.util.List.of(TEMPLATE_PROPERTY + ": must name a template file "
                    + "(-Dsalvo.template=path/to/workload.yaml), but was not set"));
        }
        Path path = Path.of(name);
        String base = System.getProperty(BASE_PROPERTY, "");
        return path.isAbsolute() || base.isBlank() ? path : Path.of(base).resolve(path);
    }
}
