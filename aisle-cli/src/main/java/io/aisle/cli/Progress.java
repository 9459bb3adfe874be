package io.aisle.cli;

import java.io.PrintStream;
import java.time.Duration;

/** A progress bar with rate and ETA on a terminal; plain periodic lines when output is not a terminal. */
final class Progress implements AutoCloseable {
    private final PrintStream out;
    private final String unit;
    private final long total;
    private final boolean tty;
    private final long start = System.nanoTime();
    private long done;
    private long lastPrint;

    Progress(PrintStream out, String unit, long total) {
        this.out = out;
        this.unit = unit;
        this.total = total;
        this.tty = System.console() != null;
    }

    void advance(long n) {
        done += n;
        long now = System.nanoTime();
        if (now - lastPrint > (tty ? 200_000_000L : 5_000_000_000L)) {
            lastPrint = now;
            print(false);
        }
    }

    private void print(boolean last) {
        double seconds = Math.max(1e-9, (System.nanoTime() - start) / 1e9);
        double rate = done / seconds;
        StringBuilder line = new StringBuilder();
        if (total > 0) {
            int width = 30;
            int filled = (int) Math.min(width, width * done / Math.max(1, total));
            line.append('[').append("#".repeat(filled)).append(" ".repeat(width - filled)).append("] ")
                    .append(String.format("%3d%% ", Math.min(100, 100 * done / Math.max(1, total))));
        }
        line.append(String.format("%,d", done));
        if (total > 0) line.append(String.format("/%,d", total));
        line.append(' ').append(unit).append(String.format("  %,.0f/s", rate));
        if (total > 0 && rate > 0 && !last) {
            long eta = (long) ((total - done) / rate);
            line.append("  ETA ").append(format(Duration.ofSeconds(eta)));
        }
        if (last) line.append("  in ").append(format(Duration.ofSeconds((long) seconds)));
        if (tty) out.print("\r" + line + "   " + (last ? "\n" : ""));
        else out.println(line);
        out.flush();
    }

    private static String format(Duration d) {
        return d.toHours() > 0 ? String.format("%d:%02d:%02d", d.toHours(), d.toMinutesPart(), d.toSecondsPart())
                : String.format("%d:%02d", d.toMinutesPart(), d.toSecondsPart());
    }

    @Override public void close() { print(true); }
}
