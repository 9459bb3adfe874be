package io.aisle.core.catalog;

import java.util.List;
import java.util.Objects;

/** A typed product attribute value; the closed set of shapes catalogue attributes take. */
public sealed interface AttributeValue {

    /** Free text such as a colour or material. */
    record Text(String value) implements AttributeValue {
        public Text { Objects.requireNonNull(value, "value"); }
    }

    /** A quantity, with an optional unit ("GB", "in", "W"). */
    record Number(double value, String unit) implements AttributeValue {
        public Number {
            if (!Double.isFinite(value)) throw new IllegalArgumentException("attribute number must be finite");
        }
    }

    /** A yes/no property such as "waterproof". */
    record Flag(boolean value) implements AttributeValue {}

    /** Several values, e.g. the sizes a parent product comes in. */
    record Texts(List<String> values) implements AttributeValue {
        public Texts { values = List.copyOf(values); }
    }

    /** The value as a shopper would read it. */
    default String display() {
        return switch (this) {
            case Text t -> t.value();
            case Number n -> (n.value() == Math.rint(n.value()) ? String.valueOf((long) n.value()) : String.valueOf(n.value()))
                    + (n.unit() == null ? "" : " " + n.unit());
            case Flag f -> f.value() ? "yes" : "no";
            case Texts ts -> String.join(", ", ts.values());
        };
    }
}
