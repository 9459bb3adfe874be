package io.aisle.server.console;

import io.aisle.core.experiment.Variant;
import io.aisle.core.validation.Errors;
import io.javalin.http.Context;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The console's "new experiment" form as typed, so a refused form comes back with what was entered. Variants are
 * rows of name, weight and settings ({@code key=value}, comma-separated); blank rows are left out and the radio
 * {@code control} names the control row.
 */
public record ExperimentForm(String id, String description, String surface, String trafficPct, List<Row> rows,
                             int control) {
    public static final int ROWS = 4;

    /** One variant row as typed. */
    public record Row(String name, String weight, String config) {}

    /** The form a merchant starts from: an even split of a control and one treatment, on all shoppers. */
    public static ExperimentForm blank() {
        return new ExperimentForm("", "", "recommendations", "100",
                List.of(new Row("control", "50", ""), new Row("treatment", "50", ""), new Row("", "", ""),
                        new Row("", "", "")), 0);
    }

    static ExperimentForm read(Context ctx) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            rows.add(new Row(param(ctx, "variant_name_" + i), param(ctx, "variant_weight_" + i), param(ctx, "variant_config_" + i)));
        }
        int control;
        try {
            control = Integer.parseInt(param(ctx, "control"));
        } catch (NumberFormatException e) {
            control = -1;
        }
        return new ExperimentForm(param(ctx, "id"), param(ctx, "description"), param(ctx, "surface"),
                param(ctx, "traffic_pct"), rows, control);
    }

    /** Traffic as a share in (0, 1]; a field error when it is not a number. */
    double traffic(Errors errors) {
        if (trafficPct.isBlank()) return 1.0;
        try {
            return Double.parseDouble(trafficPct) / 100;
        } catch (NumberFormatException e) {
            errors.add("traffic", "must be a percentage from 1 to 100, got '" + trafficPct + "'");
            return 1.0;
        }
    }

    /** The filled-in rows as variants, numbered as the API numbers them; field errors for what cannot be read. */
    List<Variant> variants(Errors errors) {
        List<Variant> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            if (r.name().isBlank() && r.weight().isBlank() && r.config().isBlank()) continue;
            String at = "variants[" + out.size() + "]";
            double weight = 0;
            try {
                weight = Double.parseDouble(r.weight());
            } catch (NumberFormatException e) {
                errors.add(at + ".weight", "must be a number above 0, got '" + r.weight() + "'");
                weight = 1; // keeps the row so later checks (names, control) still run
            }
            out.add(new Variant(r.name(), weight, i == control, settings(r.config(), at, errors)));
        }
        return out;
    }

    private static Map<String, String> settings(String text, String at, Errors errors) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : text.split("[,\\n]")) {
            if (pair.isBlank()) continue;
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                errors.add(at + ".config", "write settings as key=value, separated by commas; got '" + pair.strip() + "'");
                continue;
            }
            out.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
        }
        return out;
    }

    private static String param(Context ctx, String name) {
        String v = ctx.formParam(name);
        return v == null ? "" : v.strip();
    }
}
