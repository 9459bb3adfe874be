package io.aisle.content.pipeline;

import io.aisle.content.ContentKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The published texts, one per subject, kind and locale; a newer text replaces the older. Each text is written to the
 * journal before it goes live, and the journal's texts are live again after a restart. Thread-safe.
 */
public final class PublishedContent {
    private record Key(String subject, ContentKind kind, String locale) {}

    private final Map<Key, PublishedText> texts = new ConcurrentHashMap<>();
    private final ContentJournal journal;

    /** Texts in memory only. */
    public PublishedContent() { this(ContentJournal.none()); }

    /** The texts {@code journal} holds, and every new one written to it. */
    public PublishedContent(ContentJournal journal) {
        this.journal = journal;
        journal.replay().published().forEach(this::show);
    }

    /** Synchronized so the journal's order is the order texts go live: a replay ends with the text shown last. */
    public synchronized void put(PublishedText text) {
        journal.published(text);
        show(text);
    }

    private void show(PublishedText text) { texts.put(new Key(text.subject(), text.kind(), text.locale().toLanguageTag()), text); }

    public Optional<PublishedText> get(String subject, ContentKind kind, Locale locale) {
        return Optional.ofNullable(texts.get(new Key(subject, kind, locale.toLanguageTag())));
    }

    /** Every published text of {@code subject}. */
    public List<PublishedText> of(String subject) {
        List<PublishedText> out = new ArrayList<>();
        texts.forEach((k, v) -> { if (k.subject().equals(subject)) out.add(v); });
        return out;
    }

    public int size() { return texts.size(); }
}
