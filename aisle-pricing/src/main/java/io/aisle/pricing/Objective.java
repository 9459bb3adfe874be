package io.aisle.pricing;

import io.aisle.core.validation.ValidationException;
/** What a price is chosen to maximise, per simulated scenario. */
public sealed interface Objective permits Objective.Profit, Objective.Revenue, Objective.SellThrough {
    /** The value of selling at {@code price} when demand is {@code demand} units per period and {@code stock} is on hand (NaN: unlimited). */
    double value(double price, double cost, double demand, double stock);

    String name();

    /** Gross profit: (price - cost) x units sold. */
    record Profit() implements Objective {
        @Override public double value(double price, double cost, double demand, double stock) {
            return (price - cost) * sold(demand, stock);
        }
        @Override public String name() { return "profit"; }
    }

    /** Revenue: price x units sold. */
    record Revenue() implements Objective {
        @Override public double value(double price, double cost, double demand, double stock) {
            return price * sold(demand, stock);
        }
        @Override public String name() { return "revenue"; }
    }

    /**
     * Sell-through by a date: revenue from the stock sold within {@code periods} periods at this price, leftover
     * stock valued at {@code salvage} per unit. It trades price against clearing the stock in time.
     */
    record SellThrough(int periods, double salvage) implements Objective {
        public SellThrough {
            if (periods < 1) throw new ValidationException("objective.periods", "must be >= 1");
            if (salvage < 0) throw new ValidationException("objective.salvage", "must be >= 0");
        }
        @Override public double value(double price, double cost, double demand, double stock) {
            if (Double.isNaN(stock)) return price * demand * periods;
            double sold = Math.min(demand * periods, stock);
            return price * sold + salvage * (stock - sold);
        }
        @Override public String name() { return "sell-through"; }
    }

    private static double sold(double demand, double stock) {
        return Double.isNaN(stock) ? demand : Math.min(demand, stock);
    }
}
