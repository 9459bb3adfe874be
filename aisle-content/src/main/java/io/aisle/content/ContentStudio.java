package io.aisle.content;

import io.aisle.content.compose.Composer;
import io.aisle.content.gate.BrandVoice;
import io.aisle.content.gate.GroundingGate;
import io.aisle.content.gate.QualityGate;
import io.aisle.content.gate.SeoGate;
import io.aisle.content.gate.StructureGate;
import io.aisle.content.gate.UniquenessGate;
import io.aisle.content.gate.VoiceGate;
import io.aisle.content.pipeline.ContentPipeline;
import io.aisle.content.pipeline.PipelineSettings;
import io.aisle.content.rank.Discriminator;
import io.aisle.core.port.TextGenerator;

import java.util.List;

/**
 * Wires a content pipeline: a text generator, the five quality gates (grounding, voice, structure, SEO,
 * uniqueness), the discriminator and the settings. The one place that knows the default assembly.
 */
public final class ContentStudio {
    private final ContentPipeline pipeline;
    private final Discriminator discriminator;
    private final UniquenessGate uniqueness;

    private ContentStudio(TextGenerator generator, BrandVoice voice, PipelineSettings settings, Discriminator discriminator) {
        this.discriminator = discriminator;
        this.uniqueness = new UniquenessGate();
        List<QualityGate> gates = List.of(new GroundingGate(), new VoiceGate(voice), new StructureGate(), new SeoGate(), uniqueness);
        this.pipeline = new ContentPipeline(generator, gates, uniqueness, discriminator, voice, settings);
    }

    /** The offline default: the built-in composer, a plain-spoken voice, 3 candidates, 3 rounds, the prior discriminator. */
    public static ContentStudio builtIn() {
        return new ContentStudio(new Composer(), BrandVoice.plainSpoken(), PipelineSettings.defaults(), Discriminator.withPrior());
    }

    public static ContentStudio of(TextGenerator generator, BrandVoice voice, PipelineSettings settings, Discriminator discriminator) {
        return new ContentStudio(generator, voice, settings, discriminator);
    }

    public ContentPipeline pipeline() { return pipeline; }

    public Discriminator discriminator() { return discriminator; }

    /** The near-duplicate index published texts join. */
    public UniquenessGate uniqueness() { return uniqueness; }
}
