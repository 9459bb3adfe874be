package io.aisle.content.pipeline;

import java.util.List;

/**
 * Where the published texts, the review queue and the content jobs write each change before it takes effect, so a
 * restart finds them as they were: {@link #replay} gives back what earlier runs wrote, in order. Implementations must be
 * thread-safe.
 */
public interface ContentJournal {
    /** A text went live, published by the pipeline or approved by a person. */
    void published(PublishedText text);

    /** A review item entered the queue or was decided; the latest record of an id is its state. */
    void reviewed(ReviewQueue.Item item);

    /** A job was queued, started or finished; the latest record of an id is its state (progress is not recorded). */
    void job(ContentJobs.Status status);

    /** Everything written before this journal was opened, oldest first: what a start restores. */
    History replay();

    /** What a journal holds: published texts, review item states and job states, each in the order written. */
    record History(List<PublishedText> published, List<ReviewQueue.Item> reviewed, List<ContentJobs.Status> jobs) {
        public History {
            published = List.copyOf(published);
            reviewed = List.copyOf(reviewed);
            jobs = List.copyOf(jobs);
        }

        public static History empty() { return new History(List.of(), List.of(), List.of()); }
    }

    /** A journal that keeps nothing: texts and the queue live in memory only (tests, one-off runs). */
    static ContentJournal none() {
        return new ContentJournal() {
            @Override public void published(PublishedText text) {}

            @Override public void reviewed(ReviewQueue.Item item) {}

            @Override public void job(ContentJobs.Status status) {}

            @Override public History replay() { return History.empty(); }
        };
    }
}
