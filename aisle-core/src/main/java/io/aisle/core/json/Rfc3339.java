package io.aisle.core.json;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Parses RFC 3339 timestamps with an offset, as {@link OffsetDateTime#parse} does, but several times faster for
 * the shape every tracker sends ({@code 2026-11-25T10:15:30.123Z}, {@code ...+01:00}): ingestion parses one per
 * event. Anything outside that shape, valid or not, goes to {@code OffsetDateTime.parse}, so both always agree.
 */
public final class Rfc3339 {
    private Rfc3339() {}

    /** The instant {@code text} names. @throws DateTimeParseException when it is not an RFC 3339 timestamp */
    public static Instant parse(CharSequence text) {
        Instant fast = fastPath(text);
        return fast != null ? fast : OffsetDateTime.parse(text).toInstant();
    }

    /**
     * The same text as {@link Instant#toString()} (UTC, fraction in groups of three digits, trailing zero groups
     * left out), without going through a {@code DateTimeFormatter}: the log encodes one per event.
     */
    public static String format(Instant t) {
        long seconds = t.getEpochSecond();
        long days = Math.floorDiv(seconds, 86_400);
        int secondOfDay = (int) Math.floorMod(seconds, 86_400);
        if (days < MIN_FAST_DAY || days > MAX_FAST_DAY) return t.toString();
        LocalDate date = LocalDate.ofEpochDay(days);
        StringBuilder sb = new StringBuilder(30);
        pad(sb, date.getYear(), 4).append('-');
        pad(sb, date.getMonthValue(), 2).append('-');
        pad(sb, date.getDayOfMonth(), 2).append('T');
        pad(sb, secondOfDay / 3600, 2).append(':');
        pad(sb, secondOfDay / 60 % 60, 2).append(':');
        pad(sb, secondOfDay % 60, 2);
        int nanos = t.getNano();
        if (nanos > 0) {
            sb.append('.');
            if (nanos % 1_000_000 == 0) pad(sb, nanos / 1_000_000, 3);
            else if (nanos % 1_000 == 0) pad(sb, nanos / 1_000, 6);
            else pad(sb, nanos, 9);
        }
        return sb.append('Z').toString();
    }

    /** Years 0000 to 9999 print as four digits; others take Instant.toString's sign and width rules. */
    private static final long MIN_FAST_DAY = LocalDate.of(0, 1, 1).toEpochDay();
    private static final long MAX_FAST_DAY = LocalDate.of(9999, 12, 31).toEpochDay();

    private static StringBuilder pad(StringBuilder sb, int value, int width) {
        String digits = Integer.toString(value);
        for (int i = digits.length(); i < width; i++) sb.append('0');
        return sb.append(digits);
    }

    /** The instant for the common shape, or null to let the full parser decide. */
    static Instant fastPath(CharSequence s) {
        int n = s.length();
        if (n < 20 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':'
                || s.charAt(16) != ':') return null;
        int year = digits(s, 0, 4), month = digits(s, 5, 2), day = digits(s, 8, 2);
        int hour = digits(s, 11, 2), minute = digits(s, 14, 2), second = digits(s, 17, 2);
        if (year < 0 || month < 0 || day < 0 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return null;
        }
        int i = 19;
        int nanos = 0;
        if (s.charAt(i) == '.') {
            int start = ++i;
            while (i < n && i - start < 9 && isDigit(s.charAt(i))) nanos = nanos * 10 + (s.charAt(i++) - '0');
            int used = i - start;
            if (used == 0 || (i < n && isDigit(s.charAt(i)))) return null;
            for (int k = used; k < 9; k++) nanos *= 10;
        }
        int offsetSeconds;
        if (i == n - 1 && s.charAt(i) == 'Z') {
            offsetSeconds = 0;
        } else if (i == n - 6 && (s.charAt(i) == '+' || s.charAt(i) == '-') && s.charAt(i + 3) == ':') {
            int oh = digits(s, i + 1, 2), om = digits(s, i + 4, 2);
            if (oh < 0 || oh > 17 || om < 0 || om > 59) return null;
            offsetSeconds = (s.charAt(i) == '-' ? -1 : 1) * (oh * 3600 + om * 60);
        } else {
            return null;
        }
        long days;
        try {
            days = LocalDate.of(year, month, day).toEpochDay();
        } catch (DateTimeException e) {
            return null;
        }
        return Instant.ofEpochSecond(days * 86_400 + hour * 3_600L + minute * 60L + second - offsetSeconds, nanos);
    }

    private static boolean isDigit(char c) { return c >= '0' && c <= '9'; }

    private static int digits(CharSequence s, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (!isDigit(c)) return -1;
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
