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

    /** An optional number >= 0 (a price bound), or null when absent. */
    public static Double nonNegativeParam(Context ctx, String name) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) return null;
        try {
            double v = Double.parseDouble(raw.strip());
            if (!Double.isFinite(v) || v < 0) throw ApiException.invalid(name, "must be a number >= 0, got '" + abbreviate(raw) + "'");
            return v;
        } catch (NumberFormatException e) {
            throw ApiException.invalid(name, "must be a number, got '" + abbreviate(raw) + "'");
        }
    }

    public static boolean booleanParam(Context ctx, String name, boolean defaultValue) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) return defaultValue;
        return switch (raw.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw ApiException.invalid(name, "must be true or false, got '" + abbreviate(raw) + "'");
        };
    }

    /** One of an enum's constants, named in lower case on the wire. */
    public static <E extends Enum<E>> E choiceParam(Context ctx, String name, Class<E> type, E defaultValue) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) return defaultValue;
        try {
            return Enum.valueOf(type, raw.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            java.util.List<String> allowed = java.util.Arrays.stream(type.getEnumConstants())
                    .map(c -> c.name().toLowerCase(java.util.Locale.ROOT)).toList();
            throw ApiException.invalid(name, "must be one of " + allowed + ", got '" + abbreviate(raw) + "'");
        }
    }

    public static String abbreviate(String s) { return s.length() <= 40 ? s : s.substring(0, 40) + "..."; }
}
