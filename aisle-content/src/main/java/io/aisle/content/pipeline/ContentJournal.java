package io.aisle.content.pipeline;

import java.util.List;

/**
 * Where the published texts and the review queue write each change before it takes effect, so a restart finds them
 * as they were: {@link #replay} gives back what was written, in order. Implementations must be thread-safe.
 */
public interface ContentJournal {
    /** A text went live, published by the pipeline or approved by a person. */
    void published(PublishedText text);

    /** A review item entered the queue or was decided; the latest record of an id is its state. */
    void reviewed(ReviewQueue.Item item);

    /** Everything written so far, oldest first. */
    History replay();

    /** What a journal holds: published texts and review item states, each in the order written. */
    record History(List<PublishedText> published, List<ReviewQueue.Item> reviewed) {
        public History {
            published = List.copyOf(published);
            reviewed = List.copyOf(reviewed);
        }

        public static History empty() { return new History(List.of(), List.of()); }
    }

    /** A journal that keeps nothing: texts and the queue live in memory only (tests, one-off runs). */
    static ContentJournal none() {
        return new ContentJournal() {
            @Override public void published(PublishedText text) {}

            @Override public void reviewed(ReviewQueue.Item item) {}

            @Override public History replay() { return History.empty(); }
        };
    }
}
