package io.aisle.core.event;

/** Where an event happened; every part optional. */
public record EventContext(String device, String referrer, String locale, String pageUrl, String userAgent) {
    public static final EventContext NONE = new EventContext(null, null, null, null, null);

    public boolean isEmpty() { return equals(NONE); }
}
