package io.aisle.recommend.neural.twotower;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class TwoTowerConfigTest {

    @Test
    void defaults_are_valid_and_withers_change_one_field() {
        TwoTowerConfig c = TwoTowerConfig.defaults();
        assertThat(c.withEpochs(3).epochs()).isEqualTo(3);
        assertThat(c.withEpochs(3).withEpochs(c.epochs())).isEqualTo(c);
        assertThat(c.withIdDropout(0).idDropout()).isZero();
        assertThat(c.withLogQ(false).logQ()).isFalse();
    }

    @Test
    void refuses_bad_values_naming_the_field() {
        TwoTowerConfig c = TwoTowerConfig.defaults();
        assertThatThrownBy(() -> c.withDimension(1)).hasMessageStartingWith("dimension must be in 2..1024, got 1");
        assertThatThrownBy(() -> c.withHistoryLength(0)).hasMessageStartingWith("historyLength");
        assertThatThrownBy(() -> c.withHiddenSize(0)).hasMessageStartingWith("hiddenSize");
        assertThatThrownBy(() -> c.withEpochs(0)).hasMessageStartingWith("epochs");
        assertThatThrownBy(() -> c.withBatchSize(1)).hasMessageStartingWith("batchSize");
        assertThatThrownBy(() -> c.withLearningRate(Double.NaN)).hasMessageStartingWith("learningRate must be a positive finite number");
        assertThatThrownBy(() -> c.withTemperature(0)).hasMessageStartingWith("temperature");
        assertThatThrownBy(() -> c.withIdDropout(1)).hasMessageStartingWith("idDropout must be in [0, 1), got 1.0");
        assertThatThrownBy(() -> c.withThreads(-1)).hasMessageStartingWith("threads");
    }

    @Property
    void accepts_any_id_dropout_in_range(@ForAll @DoubleRange(min = 0, max = 1, maxIncluded = false) double p) {
        assertThat(TwoTowerConfig.defaults().withIdDropout(p).idDropout()).isEqualTo(p);
    }

    @Property
    void refuses_every_batch_too_small_for_negatives(@ForAll @IntRange(min = -1000, max = 1) int size) {
        assertThatThrownBy(() -> TwoTowerConfig.defaults().withBatchSize(size)).hasMessageContaining("batchSize");
    }
}
