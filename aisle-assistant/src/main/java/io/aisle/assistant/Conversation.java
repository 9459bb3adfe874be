package io.aisle.assistant;

import java.util.ArrayList;
import java.util.List;

/**
 * A conversation with one shopper: the turns kept (the latest {@code maxTurns}), the constraints in force, the
 * products last shown (what "the second one" refers to) and the product last talked about ("it").
 *
 * @param shopperId the owner; nobody else reads it
 */
public record Conversation(String id, String shopperId, long createdAtMs, long updatedAtMs, List<Turn> turns,
                           Constraints constraints, List<String> shown, String focus) {
    public Conversation {
        turns = List.copyOf(turns == null ? List.of() : turns);
        shown = List.copyOf(shown == null ? List.of() : shown);
        constraints = constraints == null ? Constraints.none() : constraints;
    }

    public static Conversation start(String id, String shopperId, long nowMs) {
        return new Conversation(id, shopperId, nowMs, nowMs, List.of(), Constraints.none(), List.of(), null);
    }

    /** This conversation after one exchange, keeping at most {@code maxTurns} turns. */
    public Conversation after(Turn user, Turn assistant, Constraints newConstraints, List<String> newShown, String newFocus,
                              int maxTurns) {
        List<Turn> all = new ArrayList<>(turns);
        all.add(user);
        all.add(assistant);
        List<Turn> kept = all.size() > maxTurns ? all.subList(all.size() - maxTurns, all.size()) : all;
        return new Conversation(id, shopperId, createdAtMs, assistant.atMs(), kept, newConstraints, newShown, newFocus);
    }
}
