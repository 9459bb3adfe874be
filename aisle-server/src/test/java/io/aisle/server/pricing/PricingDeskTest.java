package io.aisle.server.pricing;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.aisle.core.json.Json;
import io.aisle.pricing.Objective;
import io.aisle.pricing.PricingRequest;
import io.aisle.pricing.guard.Guardrails;
import io.aisle.pricing.guard.ProductInput;
import io.aisle.server.api.PricingJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PricingDeskTest {
    private final ObjectMapper mapper = Json.mapper();
    private final Clock clock = Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC);

    private PricingDesk desk(Path dir) {
        return new PricingDesk(new PricingLedger(dir, mapper), new PricingJson(mapper), mapper, clock);
    }

    private static PricingCall call() {
        ProductInput p = new ProductInput("a", 1.0, 2.0, List.of(), null, null, null, null, Guardrails.COST_FLOOR_ONLY.withMaxChange(0.1));
        return new PricingCall(new PricingRequest(LocalDate.of(2026, 3, 2), new Objective.Profit(), 0, List.of(p)),
                List.of(new PricedProduct(p, List.of(), 50.0)), -2.0, 0.5, false);
    }

    @Test
    void stateAndAuditSurviveARestart(@TempDir Path dir) throws Exception {
        String id = desk(dir).recommend(call()).getFirst().get("id").asText();
        desk(dir).approve(id, "ana", "ok");
        PricingDesk reopened = desk(dir);
        assertThat(reopened.find(id).orElseThrow().get("status").asText()).isEqualTo("approved");
        assertThat(reopened.audit("a")).extracting(e -> e.get("type").asText()).containsExactly("recommended", "approved");
        // Ids continue after the replayed ones.
        assertThat(reopened.recommend(call()).getFirst().get("id").asText()).isNotEqualTo(id);
        assertThat(Files.readAllLines(dir.resolve(PricingLedger.NAME))).hasSize(3);
    }

    @Test
    void aTornLastLineIsSkipped(@TempDir Path dir) throws Exception {
        String id = desk(dir).recommend(call()).getFirst().get("id").asText();
        Files.writeString(dir.resolve(PricingLedger.NAME), "{\"type\": \"appr", java.nio.file.StandardOpenOption.APPEND);
        assertThat(desk(dir).find(id)).isPresent();
    }

    @Test
    void decisionsFollowTheOrder(@TempDir Path dir) {
        PricingDesk desk = desk(dir);
        String id = desk.recommend(call()).getFirst().get("id").asText();
        assertThatThrownBy(() -> desk.apply(id, "ana", "")).isInstanceOf(PricingDesk.StateException.class)
                .hasMessageContaining("is proposed");
        desk.approve(id, "ana", "");
        assertThatThrownBy(() -> desk.approve(id, "ana", "")).hasMessageContaining("is approved");
        assertThat(desk.apply(id, "ben", "go").get("status").asText()).isEqualTo("applied");
    }
}
