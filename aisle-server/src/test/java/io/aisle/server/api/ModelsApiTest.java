package io.aisle.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.aisle.server.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static io.aisle.server.TestServer.ADMIN_KEY;
import static io.aisle.server.TestServer.PUBLIC_KEY;
import static io.aisle.server.api.EventsApiTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

class ModelsApiTest {
    private TestServer server;

    @BeforeEach void start() { server = TestServer.start(); }

    @AfterEach void stop() { server.close(); }

    @Test void listsVersionsWithChecksumsAndMetadata() {
        var models = server.server().storage().models();
        models.save("item2vec", "v1".getBytes(StandardCharsets.UTF_8), Map.of("dim", "64"));
        models.save("item2vec", "version two".getBytes(StandardCharsets.UTF_8), Map.of("dim", "64", "hr@10", "0.31"));

        var r = server.get("/v1/models/item2vec", ADMIN_KEY);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("name").asText()).isEqualTo("item2vec");
        JsonNode versions = r.json().get("versions");
        assertThat(versions).hasSize(2);
        assertThat(versions.get(0).get("version").asInt()).isEqualTo(1);
        assertThat(versions.get(1).get("version").asInt()).isEqualTo(2);
        assertThat(versions.get(1).get("size_bytes").asLong()).isEqualTo(11);
        assertThat(versions.get(1).get("sha256").asText()).hasSize(64);
        assertThat(versions.get(1).get("metadata").get("hr@10").asText()).isEqualTo("0.31");
        assertThat(versions.get(0).get("created_at").asText()).endsWith("Z");
    }

    @Test void unknownModelIs404AndPublicKeyIsRefused() {
        assertProblem(server.get("/v1/models/nothing", ADMIN_KEY), 404, "not_found");
        assertProblem(server.get("/v1/models/nothing", PUBLIC_KEY), 403, "forbidden");
        assertProblem(server.get("/v1/models/nothing", null), 401, "unauthorized");
    }
}
