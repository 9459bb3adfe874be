package io.aisle.recommend.pipeline;

import io.aisle.recommend.data.Sequences;
import io.aisle.recommend.model.Transitions;
import io.aisle.recommend.model.TransitionsCodec;
import io.aisle.recommend.data.GroupWalks;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SequenceTrainingTest {

    @Test void tunedTransitionsBeatPopularityOnTheLastItemAndTheServedModelSawEveryItem() {
        Sequences walks = GroupWalks.of(7);
        List<String> steps = new ArrayList<>();
        SequenceTraining.Outcome o = new SequenceTraining(50).train(walks, steps::add);
        assertThat(o.tuned()).isTrue();
        assertThat(o.model().ndcg10()).isGreaterThan(o.popularity().ndcg10() * 2);
        assertThat(o.shoppers()).isEqualTo(walks.users());
        assertThat(steps).anyMatch(s -> s.startsWith("tuning on"));
        // Served on all items: a history ending in an item that only ever came last still reaches its successor.
        int[] last = walks.history(0);
        float[] scores = new float[walks.itemCount()];
        o.served().score(last, scores);
        assertThat(scores).isNotEqualTo(new float[walks.itemCount()]);
    }

    @Test void tooFewShoppersKeepTheDefaultsAndReportNothing() {
        Sequences tiny = new Sequences(new int[][] {{0, 1, 2}, {1, 2, 0}}, 3);
        SequenceTraining.Outcome o = new SequenceTraining(50).train(tiny, s -> {});
        assertThat(o.tuned()).isFalse();
        assertThat(o.model()).isNull();
        assertThat(o.config()).isEqualTo(Transitions.Config.defaults());
    }

    @Test void theStoredModelScoresExactlyAsTheTrainedOne() {
        Sequences walks = GroupWalks.of(3);
        Transitions model = Transitions.train(walks, Transitions.Config.defaults().withWindow(3));
        Transitions back = TransitionsCodec.decode(TransitionsCodec.encode(model));
        assertThat(back.config()).isEqualTo(model.config());
        for (int u = 0; u < 50; u++) {
            float[] a = new float[walks.itemCount()], b = new float[walks.itemCount()];
            model.score(walks.history(u), a);
            back.score(walks.history(u), b);
            assertThat(b).containsExactly(a);
        }
    }

    @Test void aDamagedArtifactIsRefusedWithAReason() {
        byte[] bytes = TransitionsCodec.encode(Transitions.train(GroupWalks.of(3), Transitions.Config.defaults()));
        assertThatThrownBy(() -> TransitionsCodec.decode(Arrays.copyOf(bytes, bytes.length / 2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("transitions model");
        assertThatThrownBy(() -> TransitionsCodec.decode(new byte[] {1, 2, 3}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("transitions model");
    }
}
