package io.aisle.server.http;

import io.javalin.http.Context;

/** Reads query and path parameters with checks; a bad value is a 422 naming the parameter. */
public final class Params {
    private Params() {}

    public static int intParam(Context ctx, String name, int defaultValue, int min, int max) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) return defaultValue;
        try {
            int v = Integer.parseInt(raw.strip());
            if (v < min || v > max) throw ApiException.invalid(name, "must be " + min + ".." + max + ", got " + v);
            return v;
        } catch (NumberFormatException e) {
            throw ApiException.invalid(name, "must be a whole number, got '" + abbreviate(raw) + "'");
        }
    }

    public static long longParam(Context ctx, String name, long defaultValue, long min, long max) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) return defaultValue;
        try {
            long v = Long.parseLong(raw.strip());
            if (v < min || v > max) throw ApiException.invalid(name, "must be " + min + ".." + max + ", got " + v);
            return v;
        } catch (NumberFormatException e) {
            throw ApiException.invalid(name, "must be a whole number, got '" + abbreviate(raw) + "'");
        }
    }

    /** The {@code {id}} path parameter as an identifier of type T, or a 422 naming {@code id} and why. */
    public static <T> T pathId(Context ctx, java.util.function.Function<String, T> of) {
        String raw = ctx.pathParam("id");
        String problem = io.aisle.core.validation.Text.idProblem(raw);
        if (problem != null) throw ApiException.invalid("id", problem);
        return of.apply(raw);
    }

    static String abbreviate(String s) { return s.length() <= 40 ? s : s.substring(0, 40) + "..."; }
}
