package io.aisle.search.index;

import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

import java.io.IOException;

/** Closes the gaps stop words leave, so "case for iphone" and "case iphone" are the same phrase. */
final class ClosePositionHoles extends TokenFilter {
    private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);

    ClosePositionHoles(TokenStream input) { super(input); }

    @Override public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) return false;
        if (increment.getPositionIncrement() > 1) increment.setPositionIncrement(1);
        return true;
    }
}
