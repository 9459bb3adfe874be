package io.aisle.recommend.experiment;

import io.aisle.core.event.Actor;
import io.aisle.core.validation.Text;
import io.aisle.core.validation.ValidationException;

/**
 * The canonical key a shopper is assigned under: {@link Actor#key()}, that is {@code s:<shopper id>} when the
 * shopper is known and {@code a:<anonymous id>} otherwise. The event log attributes events the same way, so the
 * variant a host serves and the variant its events count for are one and the same.
 */
public final class ShopperKeys {
    private ShopperKeys() {}

    public static String of(Actor actor) { return actor.key(); }

    public static String shopper(String shopperId) { return "s:" + Text.requireId("shopper_id", shopperId); }

    public static String anonymous(String anonymousId) { return "a:" + Text.requireId("anonymous_id", anonymousId); }

    /** The key itself, or a validation error naming {@code field} when it is not {@code s:<id>} or {@code a:<id>}. */
    public static String check(String field, String key) {
        if (key == null || key.length() < 3 || !(key.startsWith("s:") || key.startsWith("a:"))) {
            throw new ValidationException(field, "must be 's:<shopper id>' or 'a:<anonymous id>'");
        }
        String problem = Text.idProblem(key.substring(2));
        if (problem != null) throw new ValidationException(field, "id " + problem);
        return key;
    }
}
