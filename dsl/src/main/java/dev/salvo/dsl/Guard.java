package dev.salvo.dsl;

import dev.salvo.runtime.internal.Fatal;
import dev.salvo.sql.SalvoException;
import java.util.function.Supplier;

/** Turns a configuration problem into Salvo's one-line error (exit inside a Gatling launch, exception elsewhere). */
final class Guard {
  private Guard() {}

  static <T> T check(Supplier<T> step) {
    try {
      return step.get();
    } catch (SalvoException e) {
      throw Fatal.stop(e, null);
    }
  }
}
