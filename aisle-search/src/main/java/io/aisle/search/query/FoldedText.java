package io.aisle.search.query;

import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A text lower-cased and folded to ASCII where a folding exists ("Café" -> "cafe", "１６ＧＢ" -> "16gb"), with every
 * folded character mapped back to the characters of the original it came from, so that phrases found in the folded
 * form can be quoted and cut out of the original.
 */
final class FoldedText {
    /** Longest text handled; longer input is cut here so a parse stays cheap whatever the caller sends. */
    static final int MAX_CHARS = 2048;

    private final String original;
    private final String folded;
    private final int[] originStart;
    private final int[] originEnd;

    private FoldedText(String original, String folded, int[] originStart, int[] originEnd) {
        this.original = original;
        this.folded = folded;
        this.originStart = originStart;
        this.originEnd = originEnd;
    }

    /** A word of the folded text: a run of letters, digits and spacing marks; {@code start}/{@code end} index the folded text. */
    record Token(String text, int start, int end) {}

    static FoldedText of(String text) {
        String original = text == null ? "" : text;
        if (original.length() > MAX_CHARS) {
            int cut = MAX_CHARS;
            if (Character.isHighSurrogate(original.charAt(cut - 1))) cut--;
            original = original.substring(0, cut);
        }
        StringBuilder out = new StringBuilder(original.length() + 8);
        int[] starts = new int[original.length() * 4 + 8];
        int[] ends = new int[starts.length];
        char[] buffer = new char[64];
        for (int i = 0; i < original.length(); ) {
            int cp = original.codePointAt(i);
            int next = i + Character.charCount(cp);
            String piece = fold(cp, buffer);
            if (piece.isEmpty() && !out.isEmpty()) {
                ends[out.length() - 1] = next; // a dropped mark belongs to the letter before it
            }
            for (int k = 0; k < piece.length(); k++) {
                if (out.length() == starts.length) {
                    starts = java.util.Arrays.copyOf(starts, starts.length * 2);
                    ends = java.util.Arrays.copyOf(ends, ends.length * 2);
                }
                starts[out.length()] = i;
                ends[out.length()] = next;
                out.append(piece.charAt(k));
            }
            i = next;
        }
        return new FoldedText(original, out.toString(), starts, ends);
    }

    /** Folds one code point: lower case, compatibility decomposition without accents, then Lucene's ASCII folding. */
    static String fold(int cp, char[] buffer) {
        if (cp < 128) {
            if (Character.isISOControl(cp) || Character.isWhitespace(cp)) return " ";
            return String.valueOf((char) Character.toLowerCase(cp));
        }
        if (Character.isWhitespace(cp) || Character.isSpaceChar(cp) || Character.isISOControl(cp)) return " ";
        switch (cp) {
            case 0x2033, 0x201C, 0x201D, 0x201E, 0x00AB, 0x00BB: return "\""; // double prime and quotes
            case 0x2032, 0x2018, 0x2019, 0x201A: return "'";
            case 0x2264: return "<=";
            case 0x2265: return ">=";
            default: break;
        }
        String lower = new String(Character.toChars(cp)).toLowerCase(Locale.ROOT);
        String decomposed = Normalizer.normalize(lower, Normalizer.Form.NFKD);
        StringBuilder kept = new StringBuilder(decomposed.length());
        for (int k = 0; k < decomposed.length(); ) {
            int c = decomposed.codePointAt(k);
            int type = Character.getType(c);
            if (type != Character.NON_SPACING_MARK && type != Character.ENCLOSING_MARK
                    && type != Character.FORMAT && type != Character.CONTROL) {
                kept.appendCodePoint(Character.isWhitespace(c) ? ' ' : c);
            }
            k += Character.charCount(c);
        }
        if (kept.isEmpty()) return "";
        char[] in = kept.toString().toCharArray();
        char[] out = in.length * 4 <= buffer.length ? buffer : new char[in.length * 4];
        int length = ASCIIFoldingFilter.foldToASCII(in, 0, out, 0, in.length);
        return new String(out, 0, length).toLowerCase(Locale.ROOT);
    }

    /** The folded form of {@code text}. */
    static String foldAll(String text) { return of(text).folded(); }

    String original() { return original; }

    String folded() { return folded; }

    int length() { return folded.length(); }

    char charAt(int i) { return folded.charAt(i); }

    /** The original characters behind folded range {@code [start, end)}. */
    String originalOf(int start, int end) {
        if (start >= end) return "";
        return original.substring(originStart[start], originEnd[end - 1]);
    }

    int originStart(int foldedIndex) { return originStart[foldedIndex]; }

    int originEnd(int foldedIndex) { return originEnd[foldedIndex]; }

    /** The words of the folded text, in order. */
    List<Token> tokens() {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < folded.length()) {
            int cp = folded.codePointAt(i);
            if (!isWordChar(cp)) {
                i += Character.charCount(cp);
                continue;
            }
            int start = i;
            while (i < folded.length() && isWordChar(folded.codePointAt(i))) i += Character.charCount(folded.codePointAt(i));
            tokens.add(new Token(folded.substring(start, i), start, i));
        }
        return tokens;
    }

    /** The folded words of {@code text}. */
    static List<String> words(String text) {
        return of(text).tokens().stream().map(Token::text).toList();
    }

    static boolean isWordChar(int cp) {
        return Character.isLetterOrDigit(cp) || Character.getType(cp) == Character.COMBINING_SPACING_MARK;
    }
}
