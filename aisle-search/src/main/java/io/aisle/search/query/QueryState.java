package io.aisle.search.query;

import java.util.List;

/**
 * One parse in progress: the folded query, its words, and which characters each step has taken, so later steps only
 * look at what is left and the residual text can be cut from the original.
 */
final class QueryState {
    /** What took a word; FREE words are still searchable text. */
    enum Use { FREE, NUMERIC, NEGATION, BRAND, ATTRIBUTE }

    final FoldedText text;
    final List<FoldedText.Token> tokens;
    private final Use[] uses;
    private final boolean[] usecase;
    private final boolean[] taken;

    QueryState(FoldedText text) {
        this.text = text;
        this.tokens = text.tokens();
        this.uses = new Use[tokens.size()];
        java.util.Arrays.fill(uses, Use.FREE);
        this.usecase = new boolean[tokens.size()];
        this.taken = new boolean[text.length()];
    }

    int size() { return tokens.size(); }

    String word(int i) { return tokens.get(i).text(); }

    Use use(int i) { return uses[i]; }

    boolean free(int i) { return uses[i] == Use.FREE; }

    /** Free and not inside a use-case phrase, where words are left alone. */
    boolean matchable(int i) { return free(i) && !usecase[i]; }

    boolean inUseCase(int i) { return usecase[i]; }

    void markUseCase(int from, int to) {
        for (int i = from; i < to; i++) usecase[i] = true;
    }

    /** Takes folded characters {@code [start, end)} and every word touching them. */
    void take(int start, int end, Use use) {
        // Brands and attribute values stay in the searchable text: they are soft evidence (a boost, a re-ranker
        // feature), and a sparse catalogue would lose most matches if they became filters. Numbers and negations
        // are cut: their words ("under", "$50", "without") would only mislead the text match.
        boolean cut = use == Use.NUMERIC || use == Use.NEGATION;
        for (int c = Math.max(0, start); cut && c < Math.min(end, taken.length); c++) taken[c] = true;
        for (int i = 0; i < tokens.size(); i++) {
            FoldedText.Token t = tokens.get(i);
            if (t.start() < end && t.end() > start && uses[i] == Use.FREE) uses[i] = use;
        }
    }

    /** Takes words {@code [from, to)} and what lies between them. */
    void takeWords(int from, int to, Use use) { take(tokens.get(from).start(), tokens.get(to - 1).end(), use); }

    /** Whether words {@code [from, to)} are all matchable and only short, untaken separators lie between them. */
    boolean run(int from, int to) {
        if (to > tokens.size()) return false;
        for (int i = from; i < to; i++) {
            if (!matchable(i)) return false;
            if (i > from && !adjacent(i - 1)) return false;
        }
        return true;
    }

    /** Whether words {@code i} and {@code i + 1} are separated by a short gap with nothing taken and no break in it. */
    boolean adjacent(int i) {
        int gapStart = tokens.get(i).end();
        int gapEnd = tokens.get(i + 1).start();
        if (gapEnd - gapStart > 3) return false;
        for (int c = gapStart; c < gapEnd; c++) {
            char ch = text.charAt(c);
            if (taken[c] || ch == ',' || ch == ';' || ch == '|' || ch == '(' || ch == ')' || ch == '.') return false;
        }
        return true;
    }

    /** Words {@code [from, to)} joined by single spaces (a phrase key), or joined with nothing. */
    String key(int from, int to, boolean spaced) {
        StringBuilder b = new StringBuilder();
        for (int i = from; i < to; i++) {
            if (spaced && i > from) b.append(' ');
            b.append(tokens.get(i).text());
        }
        return b.toString();
    }

    /** The original text of words {@code [from, to)}. */
    String original(int from, int to) { return text.originalOf(tokens.get(from).start(), tokens.get(to - 1).end()); }

    /** The folded characters between two words. */
    String gap(int left, int right) { return text.folded().substring(tokens.get(left).end(), tokens.get(right).start()); }

    /**
     * The original text without what was taken: whitespace collapsed, and pieces left with no letter or digit (a
     * stray "$" or "-") dropped.
     */
    String residual() {
        String original = text.original();
        boolean[] cut = new boolean[original.length()];
        for (int c = 0; c < taken.length; c++) {
            if (!taken[c]) continue;
            for (int k = text.originStart(c); k < text.originEnd(c); k++) cut[k] = true;
        }
        StringBuilder kept = new StringBuilder(original.length());
        for (int k = 0; k < original.length(); k++) {
            char ch = original.charAt(k);
            boolean blank = Character.isWhitespace(ch) || Character.isSpaceChar(ch) || Character.isISOControl(ch);
            kept.append(cut[k] || blank ? ' ' : ch);
        }
        List<String> pieces = new java.util.ArrayList<>();
        for (String piece : kept.toString().split(" +")) {
            String p = trimTrailing(piece);
            if (!p.isEmpty() && p.codePoints().anyMatch(FoldedText::isWordChar)) pieces.add(p);
        }
        boolean anyTaken = false;
        for (boolean t : taken) anyTaken |= t;
        if (anyTaken) {
            // Something was taken: connectors left dangling at either end ("phones with [5g]") go too.
            while (!pieces.isEmpty() && DANGLING.contains(FoldedText.foldAll(pieces.get(pieces.size() - 1)))) {
                pieces.remove(pieces.size() - 1);
            }
            while (!pieces.isEmpty() && DANGLING.contains(FoldedText.foldAll(pieces.get(0)))) pieces.remove(0);
        }
        return String.join(" ", pieces);
    }

    private static final java.util.Set<String> DANGLING = java.util.Set.of("with", "and", "or", "of", "in", "by", "for", "from", "at", "to", "without");

    private static String trimTrailing(String piece) {
        int end = piece.length();
        while (end > 0 && ",;:!?".indexOf(piece.charAt(end - 1)) >= 0) end--;
        return piece.substring(0, end);
    }
}
