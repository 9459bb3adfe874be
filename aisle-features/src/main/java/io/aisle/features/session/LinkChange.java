package io.aisle.features.session;

/** What one event did to the identity links: nothing, a first link of a device to a shopper, or a move. */
public sealed interface LinkChange {
    /** The event carried no new link. */
    record Unchanged() implements LinkChange {}

    /** A device seen for the first time together with a shopper id. */
    record Linked(String anonymousKey, String shopperKey) implements LinkChange {}

    /** A device linked to one shopper now logs in as another (a shared device); the newest login wins. */
    record Relinked(String anonymousKey, String from, String to) implements LinkChange {}

    LinkChange UNCHANGED = new Unchanged();
}
