package dev.salvo.feeders.internal;

import dev.salvo.feeders.PoolOrdering;
import dev.salvo.sql.SalvoException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.random.RandomGenerator;

/**
 * The compiled strategies. Hot path rules: no locks, no allocation except the returned value (boxed numbers, dates,
 * lists); values drawn from lists are returned as stored, so those draws allocate nothing.
 */
public final class Gens {
  private Gens() {}

  /** Uniform over stored values (choice, sample_from_table). */
  public static Gen uniform(List<?> values) {
    Object[] v = values.toArray();
    return new Gen() {
      @Override
      public Object next(RandomGenerator r, Object[] values, long index) {
        return v[r.nextInt(v.length)];
      }
    };
  }

  /** Uniform longs in [min, max]. */
  public static Gen longs(long min, long max) {
    return new Gen() {
      @Override
      public Object next(RandomGenerator r, Object[] values, long index) {
        return max == Long.MAX_VALUE ? (Object) (r.nextLong(min - 1, max) + 1) : (Object) r.nextLong(min, max + 1);
      }
    };
  }

  /** Uniform doubles in [min, max). */
  public static Gen doubles(double min, double max) {
    return new Gen() {
      @Override
      public Object next(RandomGenerator r, Object[] values, long index) {
        return min == max ? min : r.nextDouble(min, max);
      }
    };
  }

  /** Uniform decimals in [min, max] at the larger of their scales. */
  public static Gen decimals(BigDecimal min, BigDecimal max) {
    int scale = Math.max(min.scale(), max.scale());
    long lo;
    long hi;
    try {
      lo = min.setScale(scale).unscaledValue().longValueExact();
      hi = max.setScale(scale).unscaledValue().longValueExact();
    } catch (ArithmeticException tooWide) {
      Gen d = doubles(min.doubleValue(), max.doubleValue());
      return new Gen() {
        @Override
        public Object next(RandomGenerator r, Object[] values, long index) {
          return BigDecimal.valueOf((Double) d.next(r, values, index));
        }
      };
    }
    return new Gen() {
      @Override
      public Object next(RandomGenerator r, Object[] values, long index) {
        return BigDecimal.valueOf(r.nextLong(lo, hi + 1), scale);
      }
    };
  }

  /** Uniform dates in [min, max]. */
  public static Gen dates(LocalDate min, LocalDate max) {
    long lo = min.toEpochDay();
    long hi = max.toEpochDay();
    return new Gen() {
      @Override
      public Object next(RandomGenerator r, Object[] values, long index) {
        return LocalDate.ofEpochDay(r.nextLong(lo, hi + 1));
      }
    };
  }

  /** Uniform timestamps in [min, max], whole seconds. */
  public static Gen timestamps(LocalDateTime min, LocalDateTime max) {
    long lo = min.toEpochSecond(ZoneOffset.UTC);
    long hi = max.toEpochSecond(ZoneOffset.UTC);
    return new Gen() {
      @Override
      public Object next(RandomGenerator r, Object[] values, long index) {
        return LocalDateTime.ofEpochSecond(r.nextLong(lo, hi + 1), 0, ZoneOffset.UTC);
      }
    };
  }

  /** Outcome {@code i} with probability {@code weights[i]}; the optional last outcome delegates to {@code rest}. */
  public static Gen weighted(Object[] outcomes, double[] weights, Gen rest) {
    AliasTable table = new AliasTable(weights);
    int restIndex = rest == null ? -1 : outcomes.length;
    return new Gen() {
      @Override
      public Object next(RandomGenerator r, Object[] values, long index) {
        int i = table.next(r);
        return i == restIndex ? rest.next(r, values, index) : outcomes[i];
      }
    };
  }

  /** The base parameter's value plus one of the offsets: days for dates and timestamps, units for numbers. */
  public static Gen offset(int base, String baseName, List<Number> offsets) {
    int n = offsets.size();
    long[] days = new long[n];
    double[] doubles = new double[n];
    BigDecimal[] decimals = new BigDecimal[n];
    boolean whole = true;
    for (int i = 0; i < n; i++) {
      Number o = offsets.get(i);
      decimals[i] = new BigDecimal(o.toString());
      doubles[i] = o.doubleValue();
      days[i] = o.longValue();
      whole &= decimals[i].stripTrailingZeros().scale() <= 0;
    }
    boolean integral = whole;
    return new Gen() {
      @Override
      public Object next(RandomGenerator r, Object[] values, long index) {
        if (values == null) {
          throw new SalvoException("offset_from_previous: must be generated with its base '" + baseName + "' by a "
              + "ParameterGenerator, but was drawn alone");
        }
        Object b = values[base];
        int i = n == 1 ? 0 : r.nextInt(n);
        if (b instanceof LocalDate d) {
          return d.plusDays(days[i]);
        } else if (b instanceof LocalDateTime t) {
          return t.plusSeconds(Math.round(doubles[i] * 86_400));
        } else if (b instanceof Long l && integral) {
          return l + days[i];
        } else if (b instanceof Integer l && integral) {
          return (long) l + days[i];
        } else if (b instanceof BigDecimal d) {
          return d.add(decimals[i]);
        } else if (b instanceof Number x) {
          return x.doubleValue() + doubles[i];
        }
        throw new SalvoException("offset_from_previous: the base '" + baseName + "' must be a date, timestamp or "
            + "number, but was " + (b == null ? "null" : b.getClass().getSimpleName() + " " + b));
      }
    };
  }

  /** k distinct values (k drawn from {@code counts}, capped at the number of values), by Floyd's algorithm. */
  public static Gen distinctList(List<?> distinct, int[] counts) {
    Object[] v = distinct.toArray();
    return new Gen() {
      @Override
      public Object next(RandomGenerator r, Object[] values, long index) {
        int k = Math.min(counts[counts.length == 1 ? 0 : r.nextInt(counts.length)], v.length);
        Object[] out = new Object[k];
        int filled = 0;
        for (int j = v.length - k; j < v.length; j++) {
          Object pick = v[r.nextInt(j + 1)];
          for (int m = 0; m < filled; m++) {
            if (out[m] == pick) {
              pick = v[j];
              break;
            }
          }
          out[filled++] = pick;
        }
        for (int m = k - 1; m > 0; m--) {  // Floyd's output is not uniformly ordered: shuffle it
          int s = r.nextInt(m + 1);
          Object t = out[m];
          out[m] = out[s];
          out[s] = t;
        }
        return Arrays.asList(out);
      }
    };
  }

  /** A pool's values in the given ordering, positioned by the draw index. */
  public static Gen pool(String name, List<?> values, PoolOrdering ordering, long seed) {
    Object[] v = values.toArray();
    int n = v.length;
    if (ordering == PoolOrdering.SHUFFLE) {
      List<Object> shuffled = Arrays.asList(v.clone());
      java.util.Collections.shuffle(shuffled, new Random(seed));
      shuffled.toArray(v);
    }
    return new Gen() {
      @Override
      public Object next(RandomGenerator r, Object[] values, long index) {
        return switch (ordering) {
          case RANDOM -> v[r.nextInt(n)];
          case SHUFFLE, CIRCULAR -> v[(int) Math.floorMod(index, (long) n)];
          case QUEUE -> {
            if (index >= n) {
              throw new SalvoException("pool '" + name + "': a queue must not be drawn past its " + n + " values, but "
                  + "draw " + (index + 1) + " was asked for; use circular or shuffle, or a bigger pool");
            }
            yield v[(int) index];
          }
        };
      }
    };
  }

  /** {@code start, start + step, ...} by draw index: unique keys for inserts, disjoint across workers. */
  public static Gen sequence(long start, long step) {
    return new Gen() {
      @Override
      public Object next(RandomGenerator r, Object[] values, long index) {
        return start + index * step;
      }
    };
  }
}
