package io.aisle.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.aisle.server.TestServer;
import io.aisle.server.derived.Personalization;
import io.aisle.server.recommend.RecsTrainer;
import io.aisle.server.recommend.Retrainer;
import io.aisle.server.recommend.SequenceModel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.aisle.server.TestServer.ADMIN_KEY;
import static io.aisle.server.TestServer.PUBLIC_KEY;
import static io.aisle.server.api.SmallStore.item;
import static org.assertj.core.api.Assertions.assertThat;

/** Training the served sequence model from the event log, storing it with its report, and swapping it in live. */
class RecsTrainingApiTest {
    private static TestServer server;
    private static SmallStore store;

    @BeforeAll static void start() {
        server = TestServer.start();
        store = new SmallStore(server).seed();
    }

    @AfterAll static void stop() { server.close(); }

    private RecsTrainer trainer() {
        var storage = server.server().storage();
        return new RecsTrainer(storage.events(), storage.models());
    }

    @Test void retrainingStoresAVersionWithItsReportAndServesItWithoutARestart() {
        // Its own server, with behaviour vectors retrained on every new event: the feed is compared before and after
        // the transitions are installed, so nothing else may change in between (nor another test install them first).
        try (TestServer own = TestServer.start(c -> c, Personalization.Options.defaults().withContentVectors(false)
                .withModelRefresh(Duration.ZERO))) {
            SmallStore shop = new SmallStore(own).seed();
            // A newcomer who looked at the espresso maker.
            shop.post(List.of(shop.event("view_item", "\"shopper_id\": \"newcomer\"", "n1", item("K1"), -1)));
            shop.await();
            JsonNode before = homeFeedWithBehaviourVectorsCaughtUp(own);

            Retrainer retrainer = new Retrainer(new RecsTrainer(own.server().storage().events(), own.server().storage().models()),
                    own.server().storage().events(), own.server().recommendations(), Duration.ZERO, 1);
            assertThat(retrainer.retrainIfDue()).isTrue();
            assertThat(retrainer.retrainIfDue()).as("nothing new since").isFalse();
            var stored = own.get("/v1/models/" + SequenceModel.NAME, ADMIN_KEY);
            assertThat(stored.status()).as(stored.body()).isEqualTo(200);
            String version = own.server().recommendations().variants().get("default");
            assertThat(version).matches("aisle-blend-1\\+transition-v\\d+");

            // The trained transitions join the home feed's sources: what they propose after the espresso maker gains
            // their part (the top transition scores a full 1.0 at weight 1).
            JsonNode after = homeFeed(own);
            assertThat(after.get("model_version").asText()).startsWith(version);
            assertThat(SmallStore.ids(after)).contains("K3");
            assertThat(score(after, "K3")).as(after.toString()).isGreaterThan(score(before, "K3") + 0.5);

            // New events make the next scheduled run train and install a newer version.
            shop.post(List.of(shop.event("view_item", "\"shopper_id\": \"newcomer\"", "n1", item("K2"), -1)));
            shop.await();
            assertThat(retrainer.retrainIfDue()).isTrue();
            assertThat(own.server().recommendations().variants().get("default")).isNotEqualTo(version);
        }
    }

    /** The home feed once it is served with behaviour vectors trained on the whole log, which then stay as they are. */
    private static JsonNode homeFeedWithBehaviourVectorsCaughtUp(TestServer own) {
        String trained = "+als@" + own.server().storage().events().lastOffset();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JsonNode feed = homeFeed(own);
        while (!feed.get("model_version").asText().endsWith(trained) && System.nanoTime() < deadline) {
            SmallStore.sleep();
            feed = homeFeed(own);
        }
        assertThat(feed.get("model_version").asText()).as("behaviour vectors caught up").endsWith(trained);
        return feed;
    }

    private static JsonNode homeFeed(TestServer own) {
        return own.get("/v1/recommendations/home?shopper_id=newcomer&limit=5&fresh=true", PUBLIC_KEY).json();
    }

    private static double score(JsonNode feed, String productId) {
        for (JsonNode i : feed.get("items")) if (i.get("product_id").asText().equals(productId)) return i.get("score").asDouble();
        throw new AssertionError(productId + " is not in " + feed);
    }

    @Test void theStoredModelReadsBackAndAServerStartingLaterServesIt() {
        RecsTrainer.Trained t = trainer().train(s -> {});
        assertThat(t.version().metadata()).containsKeys("shoppers", "items", "settings", "log_offset", "train_s", "tuned");
        RecsTrainer.Loaded loaded = trainer().latest().orElseThrow();
        assertThat(loaded.version().version()).isEqualTo(t.version().version());
        assertThat(loaded.model().vocabulary().size()).isEqualTo(t.model().vocabulary().size());
        new Retrainer(trainer(), server.server().storage().events(), server.server().recommendations(), Duration.ZERO, 1).start().close();
        assertThat(server.server().recommendations().variants().get("default")).endsWith("-v" + t.version().version());
    }

    @Test void aRunningExperimentSendsEachShopperToTheArmItAssignsThem() {
        new Retrainer(trainer(), server.server().storage().events(), server.server().recommendations(), Duration.ZERO, 1).retrainIfDue();
        var created = server.post("/v1/experiments", ADMIN_KEY, """
                {"id": "trained-vs-blend", "description": "the trained transitions against the live blend alone",
                 "variants": [{"name": "blend", "weight": 50, "control": true}, {"name": "default", "weight": 50}]}
                """);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        try {
            for (String arm : List.of("blend", "default")) {
                String shopper = shopperIn("trained-vs-blend", arm);
                JsonNode feed = server.get("/v1/recommendations/home?shopper_id=" + shopper + "&limit=5", PUBLIC_KEY).json();
                assertThat(feed.get("variant").asText()).as(feed.toString()).isEqualTo(arm);
                assertThat(feed.get("model_version").asText().contains("+transition-v")).isEqualTo(arm.equals("default"));
                // A request naming its variant is served that one, whatever the assignment.
                JsonNode named = server.get("/v1/recommendations/home?shopper_id=" + shopper + "&limit=5&variant=blend", PUBLIC_KEY).json();
                assertThat(named.get("variant").asText()).isEqualTo("blend");
            }
        } finally {
            server.post("/v1/experiments/trained-vs-blend/stop", ADMIN_KEY, "{}");
        }
    }

    private static String shopperIn(String experiment, String variant) {
        for (int i = 0; i < 200; i++) {
            JsonNode a = server.get("/v1/experiments/" + experiment + "/assignment?shopper_id=x" + i, PUBLIC_KEY).json();
            if (variant.equals(a.path("variant").asText())) return "x" + i;
        }
        throw new AssertionError("no shopper among 200 is in " + variant);
    }
}
