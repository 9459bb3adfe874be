package io.aisle.simulator;

/** Turns a raw price into one a shop would print: 14.99, 119.95, 899.00, 1299.99. */
final class Prices {
    private Prices() {}

    /** The charm price for {@code raw}, in minor units of a currency with {@code digits} decimals. */
    static long charm(double raw, int digits, Rng rng) {
        long whole;
        int cents;
        double u = rng.nextDouble();
        if (raw < 20) {
            whole = Math.max(1, (long) Math.floor(raw));
            cents = u < 0.6 ? 99 : u < 0.75 ? 49 : 95;
        } else if (raw < 200) {
            whole = (long) Math.floor(raw);
            // Half the prices in this band end in 9 (49.99, 119.95), as shelf prices cluster there.
            if (rng.chance(0.5)) whole = whole - whole % 10 + 9;
            cents = u < 0.6 ? 99 : u < 0.8 ? 95 : 0;
        } else if (raw < 2000) {
            whole = Math.round(raw / 10) * 10 - 1;
            cents = u < 0.5 ? 99 : 0;
        } else {
            whole = Math.round(raw / 50) * 50 - 1;
            cents = u < 0.3 ? 99 : 0;
        }
        if (digits == 0) return whole;
        long unit = 1;
        for (int i = 0; i < digits; i++) unit *= 10;
        return whole * unit + cents * unit / 100;
    }

    /** A discounted price in minor units, rounded to the nearest minor unit. */
    static long discounted(long minor, double discount) {
        return discount <= 0 ? minor : Math.max(1, Math.round(minor * (1 - discount)));
    }
}
