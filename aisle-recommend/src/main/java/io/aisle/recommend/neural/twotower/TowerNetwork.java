package io.aisle.recommend.neural.twotower;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Embedding;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The two towers as a PyTorch graph for training: the item tower sums an id embedding (id-dropout applied), the
 * mean of attribute embeddings and a projection of the content vector, then L2-normalises; the shopper tower pools
 * the item vectors of the recent history with learned recency weights and adds an MLP over [pool, last item]. The
 * loss is an in-batch sampled softmax over cosine logits divided by a temperature, with logQ correction. Adam
 * updates the weights in place. {@link ItemTower} and {@link ShopperTower} compute the same functions in Java.
 */
final class TowerNetwork implements AutoCloseable {
    private static final float BETA1 = 0.9f;
    private static final float BETA2 = 0.999f;
    private static final float ADAM_EPSILON = 1e-8f;

    private final NDManager manager;
    private final int dimension;
    private final int historyLength;
    private final int attributeCount;
    private final int width;
    private final int vectorDimension;
    private final float temperature;
    private final IdTable ids;
    /** This step's id rows (a leaf of the graph); its gradient feeds {@link IdTable#adam}. */
    private NDArray stepIds;
    private Batch stepBatch;
    private final NDArray attributes;
    private final NDArray contentWeights;
    private final NDArray contentBias;
    private final NDArray positions;
    private final NDArray w1;
    private final NDArray b1;
    private final NDArray w2;
    private final NDArray b2;
    private final List<NDArray> trained = new ArrayList<>();
    private final List<NDArray> means = new ArrayList<>();
    private final List<NDArray> squares = new ArrayList<>();
    private int steps;

    TowerNetwork(NDManager parent, int items, ContentTable table, TwoTowerConfig config, RandomGenerator random) {
        this.manager = parent.newSubManager();
        this.dimension = config.dimension();
        this.historyLength = config.historyLength();
        this.attributeCount = table.attributeCount();
        this.width = table.width();
        this.vectorDimension = table.vectorDimension();
        this.temperature = (float) config.temperature();
        int d = dimension;
        int h = config.hiddenSize();
        float embeddingScale = (float) (1 / Math.sqrt(d));
        ids = new IdTable(items, d, embeddingScale, random);
        // One extra zero row that padded attribute slots point at; its share is 0 so it never learns.
        float[] attributeInit = normal(random, (attributeCount + 1) * d, embeddingScale);
        java.util.Arrays.fill(attributeInit, attributeCount * d, (attributeCount + 1) * d, 0f);
        attributes = parameter(attributeInit, new Shape(attributeCount + 1, d), width > 0);
        int c = Math.max(1, vectorDimension);
        contentWeights = parameter(normal(random, c * d, (float) Math.sqrt(1.0 / c)), new Shape(c, d), vectorDimension > 0);
        contentBias = parameter(new float[d], new Shape(d), vectorDimension > 0);
        positions = parameter(new float[historyLength], new Shape(historyLength), true);
        w1 = parameter(normal(random, 2 * d * h, (float) Math.sqrt(2.0 / (2 * d))), new Shape(2L * d, h), true);
        b1 = parameter(new float[h], new Shape(h), true);
        // The MLP starts near zero so the shopper vector starts as the recency-weighted pool.
        w2 = parameter(normal(random, h * d, 0.01f), new Shape(h, d), true);
        b2 = parameter(new float[d], new Shape(d), true);
    }

    private NDArray parameter(float[] values, Shape shape, boolean learns) {
        NDArray p = manager.create(values, shape);
        if (learns) {
            p.setRequiresGradient(true);
            trained.add(p);
            means.add(manager.zeros(shape));
            squares.add(manager.zeros(shape));
        }
        return p;
    }

    private static float[] normal(RandomGenerator random, int n, float scale) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = (float) random.nextGaussian() * scale;
        return v;
    }

    /** Mean sampled-softmax loss of the batch; call inside a gradient collector and an NDScope. */
    NDArray loss(Batch batch) {
        int b = batch.size();
        NDArray vectors = itemVectors(batch, batch.distinctItems());
        NDArray targets = lookup(manager.create(batch.targets()), vectors);
        // Scalars as arrays of the scope: DJL's div(Number) may free its scalar before backward reads it.
        NDArray logits = shoppers(batch, vectors).matMul(targets.transpose()).div(manager.create(temperature))
                .sub(manager.create(batch.logQ(), new Shape(1, b)))
                .add(manager.create(batch.duplicates(), new Shape(b, b)));
        return logits.logSoftmax(1).mul(manager.eye(b)).sum().div(manager.create((float) -b));
    }

    /** The batch's shopper vectors, row-major, computed by the training graph (to check the Java towers against). */
    float[] shopperVectors(Batch batch) {
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            float[] out = shoppers(batch, itemVectors(batch, batch.distinctItems())).toFloatArray();
            stepIds = null;
            stepBatch = null;
            return out;
        }
    }

    private NDArray shoppers(Batch batch, NDArray vectors) {
        int b = batch.size();
        NDArray history = lookup(manager.create(batch.history()), vectors).reshape(b, historyLength, dimension);
        NDArray mask = manager.create(batch.historyMask(), new Shape(b, historyLength));
        NDArray weights = positions.reshape(1, historyLength).add(mask.sub(1f).mul(-BatchBuilder.MASKED)).softmax(1);
        NDArray pool = history.mul(weights.expandDims(2)).sum(new int[] {1});
        NDArray last = history.get(":, -1, :");
        NDArray hidden = Activation.relu(NDArrays.concat(new NDList(pool, last), 1).matMul(w1).add(b1));
        return normalize(hidden.matMul(w2).add(b2).add(pool));
    }

    private NDArray itemVectors(Batch batch, int n) {
        int d = dimension;
        stepBatch = batch;
        stepIds = manager.create(ids.rows(batch.items()), new Shape(n, d));
        stepIds.setRequiresGradient(true);
        NDArray e = stepIds.mul(manager.create(batch.keepId(), new Shape(n, 1)));
        if (width > 0) {
            NDArray bag = lookup(manager.create(batch.attributeRows()), attributes).reshape(n, width, d)
                    .mul(manager.create(batch.attributeShares(), new Shape(n, width, 1)))
                    .sum(new int[] {1});
            e = e.add(bag);
        }
        if (vectorDimension > 0) {
            NDArray projected = manager.create(batch.content(), new Shape(n, vectorDimension)).matMul(contentWeights)
                    .add(manager.create(batch.hasContent(), new Shape(n, 1)).mul(contentBias));
            e = e.add(projected);
        }
        return normalize(e);
    }

    private static NDArray lookup(NDArray indices, NDArray table) {
        return Embedding.embedding(indices, table, SparseFormat.DENSE).singletonOrThrow();
    }

    private static NDArray normalize(NDArray x) {
        return x.div(x.square().sum(new int[] {1}, true).add(Vectors.NORM_EPSILON).sqrt());
    }

    /**
     * One Adam step on every trained weight from the gradients of the last backward pass, then clears them; call
     * inside the same NDScope as {@link #loss}.
     */
    void adamStep(double learningRate) {
        steps++;
        double correction1 = 1 - Math.pow(BETA1, steps);
        double correction2 = 1 - Math.pow(BETA2, steps);
        float stepSize = (float) (learningRate * Math.sqrt(correction2) / correction1);
        for (int i = 0; i < trained.size(); i++) {
            NDArray p = trained.get(i);
            NDArray g = p.getGradient();
            means.get(i).muli(BETA1).addi(g.mul(1 - BETA1));
            squares.get(i).muli(BETA2).addi(g.square().muli(1 - BETA2));
            p.subi(means.get(i).div(squares.get(i).sqrt().addi(ADAM_EPSILON)).muli(stepSize));
            g.subi(g);
        }
        ids.adam(stepBatch.items(), stepBatch.keepId(), stepIds.getGradient().toFloatArray(), stepSize, BETA1, BETA2, ADAM_EPSILON);
        stepIds = null;
        stepBatch = null;
    }

    /** The learned weights as plain arrays; id embeddings are kept only for items that had interactions. */
    TwoTowerModel export(int[] itemCounts, ContentTable table, int hiddenSize) {
        int d = dimension;
        float[] idRows = ids.all();
        float[] attributeRows = java.util.Arrays.copyOf(attributes.toFloatArray(), attributeCount * d);
        float[] projection = vectorDimension > 0 ? contentWeights.toFloatArray() : new float[0];
        ItemTower itemTower = new ItemTower(d, attributeCount, vectorDimension, attributeRows, projection, contentBias.toFloatArray());
        ShopperTower shopperTower = new ShopperTower(d, historyLength, hiddenSize, positions.toFloatArray(),
                w1.toFloatArray(), b1.toFloatArray(), w2.toFloatArray(), b2.toFloatArray());
        int items = itemCounts.length;
        float[] itemVectors = new float[items * d];
        for (int i = 0; i < items; i++) {
            // An item no one interacted with has an untrained id embedding: it is placed by content alone.
            float[] idPart = itemCounts[i] > 0 ? java.util.Arrays.copyOfRange(idRows, i * d, (i + 1) * d) : null;
            float[] v = itemTower.vector(idPart, table.attributes(i), table.vector(i));
            System.arraycopy(v, 0, itemVectors, i * d, d);
        }
        return new TwoTowerModel(itemTower, shopperTower, itemVectors, itemCounts.clone());
    }

    @Override
    public void close() {
        manager.close();
    }
}
