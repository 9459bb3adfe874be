package io.aisle.bench.recs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The wrk script of one scenario: each request takes a random id from a file (each wrk thread seeded differently)
 * and asks {@code prefix + id + suffix}; at the end it prints one line of figures in microseconds for {@link Wrk}.
 */
final class LuaScript {
    private LuaScript() {}

    /** @param delayMs mean pause before each request of a connection (exponential, so connections drift apart); 0 for none */
    static Path write(Path dir, String name, List<String> ids, String prefix, String suffix, String key, double delayMs)
            throws IOException {
        Path idFile = dir.resolve(name + ".ids");
        Files.write(idFile, ids);
        Path script = dir.resolve(name + ".lua");
        Files.writeString(script, """
                local ids = {}
                for line in io.lines("%s") do ids[#ids + 1] = line end
                local count = #ids
                local headers = {["Authorization"] = "Bearer %s"}
                local threads = 0
                function setup(thread)
                  thread:set("tid", threads)
                  threads = threads + 1
                end
                function init(args)
                  math.randomseed(7919 * (tid + 1))
                end
                local mean = %s
                function delay()
                  if mean <= 0 then return 0 end
                  return math.floor(-math.log(1 - math.random()) * mean)
                end
                function request()
                  return wrk.format("GET", "%s" .. ids[math.random(count)] .. "%s", headers)
                end
                function done(summary, latency, requests)
                  local e = summary.errors
                  io.write(string.format("AISLE_RESULT %%d %%d %%d %%d %%d %%d %%d %%d\\n", summary.requests, summary.duration,
                    e.status + e.connect + e.read + e.write + e.timeout,
                    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max, count))
                end
                """.formatted(lua(idFile.toAbsolutePath().toString()), lua(key), Double.toString(delayMs), lua(prefix), lua(suffix)));
        return script;
    }

    /** Escapes a string for a double-quoted Lua literal. */
    private static String lua(String s) { return s.replace("\\", "\\\\").replace("\"", "\\\""); }
}
