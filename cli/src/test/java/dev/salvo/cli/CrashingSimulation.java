package dev.salvo.cli;

import io.gatling.javaapi.core.Simulation;

/** A simulation with a bug: its constructor throws something that is not a Salvo configuration error. */
public class CrashingSimulation extends Simulation {
    {
        if (Boolean.parseBoolean("true")) {
            throw new IllegalStateException("a bug in the simulation");
        }
    }
}
