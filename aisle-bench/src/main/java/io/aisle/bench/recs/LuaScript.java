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

    /**
     * @param gapMs mean time between two requests of one wrk thread, 0 for as fast as the connections go. Requests
     *              leave on a Poisson schedule (open loop: a slow response does not push the next request back, as
     *              long as a connection is free), timed with gettimeofday through LuaJIT's FFI; after a stall the
     *              schedule catches up at most one second.
     */
    static Path write(Path dir, String name, List<String> ids, String prefix, String suffix, String key, double gapMs)
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
                local gap = %s
                local ffi = require("ffi")
                ffi.cdef[[ typedef struct { long tv_sec; long tv_usec; } aisle_timeval;
                           int gettimeofday(aisle_timeval *tv, void *tz); ]]
                local tv = ffi.new("aisle_timeval")
                local function now_ms()
                  ffi.C.gettimeofday(tv, nil)
                  return tonumber(tv.tv_sec) * 1000 + tonumber(tv.tv_usec) / 1000
                end
                local next_at = nil
                function delay()
                  if gap <= 0 then return 0 end
                  local now = now_ms()
                  if next_at == nil then next_at = now end
                  next_at = next_at - math.log(1 - math.random()) * gap
                  if next_at < now - 1000 then next_at = now - 1000 end
                  local wait = next_at - now
                  if wait <= 0 then return 0 end
                  return math.floor(wait)
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
                """.formatted(lua(idFile.toAbsolutePath().toString()), lua(key), Double.toString(gapMs), lua(prefix), lua(suffix)));
        return script;
    }

    /** Escapes a string for a double-quoted Lua literal. */
    private static String lua(String s) { return s.replace("\\", "\\\\").replace("\"", "\\\""); }
}
