package io.aisle.bench.recs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The {@code wrk} HTTP load generator, run as a separate process; its figures come from the script's last line. */
final class Wrk {
    private final String binary;

    private Wrk(String binary) { this.binary = binary; }

    /** The binary, or a clear refusal naming how to install it. */
    static Wrk find(String binary) {
        String path = binary;
        if (!binary.contains("/")) {
            path = null;
            for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
                Path p = Path.of(dir, binary);
                if (Files.isExecutable(p)) {
                    path = p.toString();
                    break;
                }
            }
        }
        if (path == null || !Files.isExecutable(Path.of(path))) {
            throw new IllegalArgumentException("--wrk: '" + binary + "' not found; install Debian's package: apt-get install wrk");
        }
        return new Wrk(path);
    }

    RecsLoadBenchmark.Run run(String baseUrl, Path script, int threads, int connections, int seconds)
            throws IOException, InterruptedException {
        Process p = new ProcessBuilder(List.of(binary, "-t" + threads, "-c" + connections, "-d" + seconds + "s",
                "--timeout", "5s", "-s", script.toString(), baseUrl)).redirectErrorStream(true).start();
        String out;
        try (var in = p.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!p.waitFor(seconds + 60L, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("wrk did not finish");
        }
        for (String line : out.split("\n")) {
            if (!line.startsWith("AISLE_RESULT ")) continue;
            String[] f = line.substring("AISLE_RESULT ".length()).strip().split(" ");
            long requests = Long.parseLong(f[0]);
            double secondsRun = Long.parseLong(f[1]) / 1e6;
            return new RecsLoadBenchmark.Run(requests, secondsRun, Long.parseLong(f[2]), Long.parseLong(f[3]) / 1e3,
                    Long.parseLong(f[4]) / 1e3, Long.parseLong(f[5]) / 1e3, Long.parseLong(f[6]) / 1e3);
        }
        throw new IllegalStateException("wrk printed no figures (exit " + p.exitValue() + "):\n" + out);
    }
}
