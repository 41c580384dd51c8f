package dev.salvo.dsl;

import java.util.function.Supplier;

/**
 * Marks a configuration step of the DSL. A problem leaves it as a one-line {@code SalvoException}; the DSL never exits
 * the JVM: the entry point that launched Gatling decides the exit status ({@code dev.salvo.runtime.GatlingLauncher}).
 */
final class Guard {
  private Guard() {}

  static <T> T check(Supplier<T> step) {
    return step.get();
  }
}
