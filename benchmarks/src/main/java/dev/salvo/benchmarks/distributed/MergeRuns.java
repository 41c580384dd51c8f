package dev.salvo.benchmarks.distributed;

import dev.salvo.reports.Merge;
import dev.salvo.reports.RunDirectory;
import java.nio.file.Path;
import java.util.Arrays;

/** {@code benchmarks/distributed.sh}'s merge step: {@code MergeRuns <out> <worker dir>...}. */
public final class MergeRuns {
    private MergeRuns() {}

    /**
     * @param args the output directory, then the workers' run directories
     */
    public static void main(String[] args) {
        Path out = RunDirectory.write(
                Path.of(args[0]),
                Merge.merge(Arrays.stream(args).skip(1).map(Path::of).toList()));
        System.out.println(out);
    }
}
