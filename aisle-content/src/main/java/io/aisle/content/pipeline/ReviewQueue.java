package io.aisle.content.pipeline;

import io.aisle.core.validation.ValidationException;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Texts no candidate of which passed on its own, waiting for a person: approve one candidate (it is published) or
 * reject them all. Every change is written to the journal before it takes effect, and the journal's items are back
 * after a restart. Thread-safe.
 */
public final class ReviewQueue {
    /** Where an item is in review. */
    public enum Status { PENDING, APPROVED, REJECTED;
        public String wire() { return name().toLowerCase(java.util.Locale.ROOT); }
    }

    /**
     * One text under review.
     *
     * @param chosen the approved candidate's index, or -1
     * @param note   the reviewer's reason, for rejections
     */
    public record Item(String id, ContentOutcome outcome, Status status, Instant queuedAt, int chosen, String note) {}

    private final Map<String, Item> items = new LinkedHashMap<>();
    private final SequentialIds ids = new SequentialIds("r");
    private final PublishedContent published;
    private final Clock clock;
    private final ContentJournal journal;

    /** A queue in memory only. */
    public ReviewQueue(PublishedContent published, Clock clock) { this(published, clock, ContentJournal.none()); }

    /** The items {@code journal} holds, in their latest state, and every change written to it; new ids follow the highest. */
    public ReviewQueue(PublishedContent published, Clock clock, ContentJournal journal) {
        this.published = published;
        this.clock = clock;
        this.journal = journal;
        for (Item item : journal.replay().reviewed()) {
            items.put(item.id(), item);
            ids.restored(item.id());
        }
    }

    public synchronized Item add(ContentOutcome outcome) {
        return record(new Item(ids.next(), outcome, Status.PENDING, clock.instant(), -1, ""));
    }

    /** Items with {@code status} (all when null), oldest first. */
    public synchronized List<Item> list(Status status) {
        List<Item> out = new ArrayList<>();
        for (Item i : items.values()) if (status == null || i.status() == status) out.add(i);
        return out;
    }

    public synchronized Optional<Item> get(String id) { return Optional.ofNullable(items.get(id)); }

    /**
     * Publishes candidate {@code index} of a pending item. A candidate that failed a gate may be approved: the
     * reviewer has read it; the failure stays on record.
     *
     * @throws ValidationException naming {@code candidate} when the index is out of range or the text is empty,
     *                             or {@code id} when the item was already decided
     */
    public synchronized Item approve(String id, int index, String reviewer) {
        Item item = pending(id);
        var candidates = item.outcome().candidates();
        if (index < 0 || index >= candidates.size()) {
            throw new ValidationException("candidate", "must be 0.." + (candidates.size() - 1) + ", got " + index);
        }
        Candidate c = candidates.get(index);
        if (c.text().isBlank()) throw new ValidationException("candidate", "candidate " + index + " has no text (its generation failed)");
        published.put(new PublishedText(item.outcome().subject(), item.outcome().kind(), item.outcome().locale(), c.text(),
                c.backend(), "review", clock.instant()));
        // Published first: a crash in between leaves the text live and the item pending, and approving it again
        // publishes the same text once more, where the other order could lose an approved text.
        return record(new Item(id, item.outcome(), Status.APPROVED, item.queuedAt(), index, reviewer == null ? "" : reviewer));
    }

    public synchronized Item reject(String id, String note) {
        Item item = pending(id);
        return record(new Item(id, item.outcome(), Status.REJECTED, item.queuedAt(), -1, note == null ? "" : note));
    }

    private Item record(Item item) {
        journal.reviewed(item);
        items.put(item.id(), item);
        return item;
    }

    private Item pending(String id) {
        Item item = items.get(id);
        if (item == null) throw new java.util.NoSuchElementException("no review item '" + id + "'");
        if (item.status() != Status.PENDING) throw new ValidationException("id", "item " + id + " was already " + item.status().wire());
        return item;
    }
}
