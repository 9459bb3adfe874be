package io.aisle.search.query;

import java.util.ArrayList;
import java.util.List;

/**
 * A piece of folded query text as the numeric parser sees it: a word, a number or one symbol. {@code glued} says no
 * space separates it from the lexeme before ("16gb" is the number 16 and the glued word "gb").
 */
record Lexeme(Kind kind, String text, int start, int end, boolean glued, double number) {

    /** The closed set of lexeme kinds. */
    enum Kind { WORD, NUMBER, SYMBOL }

    /** Digits beyond this make a string of digits a word, not a quantity (so every number parsed is finite). */
    static final int MAX_DIGITS = 12;

    boolean isWord(String w) { return kind == Kind.WORD && text.equals(w); }

    boolean isSymbol(char c) { return kind == Kind.SYMBOL && text.length() == 1 && text.charAt(0) == c; }

    /** Splits folded text into lexemes. */
    static List<Lexeme> lex(String s) {
        List<Lexeme> out = new ArrayList<>();
        int i = 0;
        boolean glued = false;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            int width = Character.charCount(cp);
            if (cp == ' ') {
                glued = false;
                i += width;
                continue;
            }
            if (cp >= '0' && cp <= '9') {
                int end = numberEnd(s, i);
                String digits = s.substring(i, end);
                double value = value(digits);
                if (Double.isNaN(value)) {
                    int wordEnd = wordEnd(s, i);
                    out.add(new Lexeme(Kind.WORD, s.substring(i, wordEnd), i, wordEnd, glued, Double.NaN));
                    i = wordEnd;
                } else {
                    out.add(new Lexeme(Kind.NUMBER, digits, i, end, glued, value));
                    i = end;
                }
            } else if (FoldedText.isWordChar(cp)) {
                int end = wordEnd(s, i);
                out.add(new Lexeme(Kind.WORD, s.substring(i, end), i, end, glued, Double.NaN));
                i = end;
            } else {
                out.add(new Lexeme(Kind.SYMBOL, s.substring(i, i + width), i, i + width, glued, Double.NaN));
                i += width;
            }
            glued = true;
        }
        return out;
    }

    private static int wordEnd(String s, int i) {
        while (i < s.length() && FoldedText.isWordChar(s.codePointAt(i))) i += Character.charCount(s.codePointAt(i));
        return i;
    }

    /** End of a number: digits, thousands groups ("1,299") and one decimal part ("15.6", "15,6"). */
    private static int numberEnd(String s, int i) {
        int j = digitsEnd(s, i);
        // thousands groups: a comma followed by exactly three digits
        while (j < s.length() && s.charAt(j) == ',' && digitsEnd(s, j + 1) == j + 4) j = j + 4;
        if (j + 1 < s.length() && (s.charAt(j) == '.' || s.charAt(j) == ',') && isDigit(s.charAt(j + 1))) {
            j = digitsEnd(s, j + 1);
        }
        return j;
    }

    private static int digitsEnd(String s, int i) {
        while (i < s.length() && isDigit(s.charAt(i))) i++;
        return i;
    }

    private static boolean isDigit(char c) { return c >= '0' && c <= '9'; }

    /** The value of a number as written, or NaN when it has too many digits to be a quantity. */
    static double value(String written) {
        String plain;
        int lastComma = written.lastIndexOf(',');
        if (written.indexOf('.') >= 0 || lastComma < 0) {
            plain = written.replace(",", "");
        } else if (written.length() - lastComma - 1 == 3) {
            plain = written.replace(",", ""); // "1,299": thousands
        } else if (written.indexOf(',') == lastComma) {
            plain = written.replace(',', '.'); // "15,6": a decimal comma
        } else {
            // "1,299,50": thousands groups then a decimal comma
            plain = written.substring(0, lastComma).replace(",", "") + "." + written.substring(lastComma + 1);
        }
        long digits = plain.chars().filter(Character::isDigit).count();
        if (digits > MAX_DIGITS) return Double.NaN;
        double v;
        try {
            v = Double.parseDouble(plain);
        } catch (NumberFormatException e) {
            return Double.NaN; // a shape no locale writes ("1.2.3"): not a quantity
        }
        return Double.isFinite(v) ? v : Double.NaN;
    }
}
