package io.aisle.server.recommend;

import io.aisle.core.catalog.ProductId;
import io.aisle.recommend.model.Transitions;
import io.aisle.recommend.model.TransitionsCodec;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The trained sequence model as the server keeps it: the transitions over item indices and the products those
 * indices stand for, stored together as one model-store artifact ({@value #NAME}).
 */
public record SequenceModel(ItemVocabulary vocabulary, Transitions transitions) {
    /** Name of the artifact in the model store. */
    public static final String NAME = "recs-transitions";
    /** Name of the candidate source (and its blend weight's key) in served lists. */
    public static final String SOURCE = "transition";
    private static final int FORMAT = 1;

    public SequenceModel {
        Objects.requireNonNull(vocabulary, "vocabulary");
        Objects.requireNonNull(transitions, "transitions");
        if (vocabulary.size() != transitions.links().rows()) {
            throw new IllegalArgumentException("vocabulary has " + vocabulary.size() + " items, the model " + transitions.links().rows());
        }
    }

    /** The model as a candidate source of the serving path. */
    public CandidateSource source() { return new TransitionSource(SOURCE, transitions, vocabulary); }

    public byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(FORMAT);
            out.writeInt(vocabulary.size());
            for (int i = 0; i < vocabulary.size(); i++) out.writeUTF(vocabulary.id(i).value());
            byte[] model = TransitionsCodec.encode(transitions);
            out.writeInt(model.length);
            out.write(model);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** @throws IllegalArgumentException when the artifact is damaged or of an unknown format */
    public static SequenceModel fromBytes(byte[] artifact) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(artifact))) {
            int format = in.readInt();
            if (format != FORMAT) throw new IllegalArgumentException(NAME + ": format " + format + " is not supported (expected " + FORMAT + ")");
            int n = in.readInt();
            if (n < 1 || n > artifact.length) throw new IllegalArgumentException(NAME + ": bad item count " + n);
            List<ProductId> ids = new ArrayList<>(n);
            for (int i = 0; i < n; i++) ids.add(ProductId.of(in.readUTF()));
            int length = in.readInt();
            if (length < 0 || length > artifact.length) throw new IllegalArgumentException(NAME + ": bad model length " + length);
            return new SequenceModel(new ItemVocabulary(ids), TransitionsCodec.decode(in.readNBytes(length)));
        } catch (java.io.EOFException e) {
            throw new IllegalArgumentException(NAME + ": artifact is truncated", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
