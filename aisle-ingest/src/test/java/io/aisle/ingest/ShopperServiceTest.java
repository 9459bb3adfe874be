package io.aisle.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.aisle.core.json.Json;
import io.aisle.core.json.ShopperJson;
import io.aisle.core.shopper.Consent;
import io.aisle.core.shopper.Shopper;
import io.aisle.core.shopper.ShopperId;
import io.aisle.core.shopper.Trait.Source;
import io.aisle.core.validation.FieldError;
import io.aisle.core.validation.ValidationException;
import io.aisle.ingest.ShopperService.Writer;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ShopperServiceTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00.123456789Z");
    private static final ShopperId ID = ShopperId.of("u-1");

    private final InMemoryShopperStore store = new InMemoryShopperStore();
    private final ShopperService service = new ShopperService(store, new ShopperJson(Json.mapper()), Clock.fixed(NOW, ZoneOffset.UTC));

    private static JsonNode json(String s) {
        try {
            return Json.mapper().readTree(s.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Test void stores_stated_traits_and_consents_stamped_with_the_clock_to_the_microsecond() {
        Shopper s = service.update(ID, json("{'traits': {'sizes': {'shoes': 'EU 42'}}, 'consents': {'personalization': true}}"),
                Writer.STOREFRONT).shopper();
        Instant micros = Instant.parse("2026-03-01T12:00:00.123456Z");
        assertThat(s.traits().get("size.shoes").recordedAt()).isEqualTo(micros);
        assertThat(s.traits().get("size.shoes").source()).isEqualTo(Source.STATED);
        assertThat(s.allows(Consent.Purpose.PERSONALIZATION)).isTrue();
        assertThat(store.get(ID)).contains(s);
    }

    @Test void invalid_bodies_store_nothing() {
        assertThatThrownBy(() -> service.update(ID, json("{'traits': {'budget': {'amount': 0, 'currency': 'EUR'}, 'fit': 'slim'}}"),
                Writer.MERCHANT))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).errors())
                        .containsExactly(new FieldError("traits.budget.amount", "must be greater than 0")));
        assertThat(store.get(ID)).isEmpty();
    }

    @Test void only_the_merchant_imports_and_the_storefront_cannot_change_what_was_imported() {
        assertThatThrownBy(() -> service.update(ID, json("{'traits': {'tier': 'gold'}, 'source': 'imported'}"), Writer.STOREFRONT))
                .isInstanceOf(NotAllowedException.class).hasMessageContaining("admin key");
        service.update(ID, json("{'traits': {'tier': 'gold', 'sizes': {'shoes': 'EU 41'}}, 'source': 'imported'}"), Writer.MERCHANT);
        assertThatThrownBy(() -> service.update(ID, json("{'traits': {'tier': 'platinum'}}"), Writer.STOREFRONT))
                .isInstanceOf(NotAllowedException.class).hasMessageContaining("[tier]");
        assertThatThrownBy(() -> service.update(ID, json("{'traits': {'sizes': null}}"), Writer.STOREFRONT))
                .isInstanceOf(NotAllowedException.class).hasMessageContaining("[size.shoes]");
        // Stated traits of other names, and consents, are the shopper's to give.
        Shopper s = service.update(ID, json("{'traits': {'fit': 'slim'}, 'consents': {'marketing': false}}"), Writer.STOREFRONT).shopper();
        assertThat(s.traits().get("tier").value()).isEqualTo("gold");
        assertThat(s.traits().get("fit").source()).isEqualTo(Source.STATED);
        // The merchant may overwrite anything, with either source.
        s = service.update(ID, json("{'traits': {'tier': null, 'fit': 'regular'}}"), Writer.MERCHANT).shopper();
        assertThat(s.traits()).doesNotContainKey("tier");
        assertThat(s.traits().get("fit").source()).isEqualTo(Source.STATED);
    }
}
