package io.aisle.cli;

import io.aisle.core.vision.Picture;
import io.aisle.server.images.ImageBackends;
import io.aisle.vision.AspectRatio;
import io.aisle.vision.ImageFiles;
import io.aisle.vision.ImageLimits;
import io.aisle.vision.ImageRejectedException;
import io.aisle.vision.MatteExtractor;
import io.aisle.vision.OutputSpec;
import io.aisle.vision.ProductFacts;
import io.aisle.vision.SafeImageDecoder;
import io.aisle.vision.ScenePreset;
import io.aisle.vision.StudioOutput;
import io.aisle.vision.StudioResult;
import io.aisle.vision.VisualStudio;
import io.aisle.vision.qc.QualityControl;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code aisle images ...}: the visual studio from the command line. */
@Command(name = "images", mixinStandardHelpOptions = true, description = "Generate product images around the untouched product pixels.",
        subcommands = {ImagesCommand.Generate.class})
final class ImagesCommand implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override public void run() { spec.commandLine().usage(System.out); }

    /** {@code aisle images generate}. */
    @Command(name = "generate", mixinStandardHelpOptions = true,
            description = {"Cut the product out of a white-background photo, compose the requested scenes around it,",
                    "lay the original product pixels back over each and run quality control. Writes the mask, every",
                    "output and prints each verdict with its reasons and alt text."})
    static final class Generate implements Callable<Integer> {
        @Option(names = "--image", required = true, description = "The product photo (JPEG or PNG)")
        Path image;
        @Option(names = "--out", required = true, description = "Directory for mask.png and the outputs")
        Path out;
        @Option(names = "--title", required = true, description = "Product title, for alt text and prompts")
        String title;
        @Option(names = "--colour", description = "Product colour", defaultValue = "")
        String colour;
        @Option(names = "--material", description = "Product material", defaultValue = "")
        String material;
        @Option(names = "--category", description = "Category path, e.g. 'Gear / Bags' (sets the shape checks)", defaultValue = "")
        String category;
        @Option(names = "--outputs", split = ",", description = "scene:aspect pairs (default: main-white:1x1,studio:4x5,room:16x9)")
        List<String> outputs;
        @Option(names = "--format", description = "jpeg or png (default: ${DEFAULT-VALUE})", defaultValue = "jpeg")
        String format;
        @Option(names = "--palette", split = ",", description = "Brand colours, e.g. #2F6690,#B08968")
        List<String> palette;
        @Option(names = "--long-side", description = "Work at most this many px on the long side (default: ${DEFAULT-VALUE})", defaultValue = "1600")
        int longSide;
        @Option(names = "--seed", description = "Scene seed (default: ${DEFAULT-VALUE})", defaultValue = "42")
        long seed;
        @Option(names = "--backend", description = "builtin, automatic1111 or openai (default: ${DEFAULT-VALUE})", defaultValue = "builtin")
        String backend;
        @Option(names = "--url", description = "Service root for the HTTP backends")
        String url;
        @Option(names = "--api-key-env", description = "Environment variable holding the service's API key")
        String apiKeyEnv;
        @Option(names = "--model", description = "Model name for OpenAI-compatible services")
        String model;

        @Override public Integer call() throws IOException {
            CommandLine cmd = new CommandLine(this);
            if (longSide < 64 || longSide > 8000) throw new CommandLine.ParameterException(cmd, "--long-side must be 64..8000");
            List<OutputSpec> specs = new ArrayList<>();
            ImageFiles.Format fmt;
            List<Integer> colours = new ArrayList<>();
            var generator = ImageBackends.create(backend, url, apiKeyEnv == null ? null : System.getenv(apiKeyEnv), model);
            try {
                for (String o : outputs == null ? List.<String>of() : outputs) {
                    String[] parts = o.split(":", 2);
                    specs.add(new OutputSpec(ScenePreset.parse(parts[0].strip()), AspectRatio.parse(parts.length > 1 ? parts[1].strip() : "1x1")));
                }
                fmt = ImageFiles.Format.parse(format);
                for (String c : palette == null ? List.<String>of() : palette) {
                    if (!c.strip().matches("#?[0-9A-Fa-f]{6}")) throw new IllegalArgumentException("palette colour '" + c + "' is not like #2F6690");
                    colours.add(Integer.parseInt(c.strip().replace("#", ""), 16));
                }
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(cmd, e.getMessage());
            }
            if (specs.isEmpty()) specs = OutputSpec.standard();
            if (!Files.isRegularFile(image)) throw new CommandLine.ParameterException(cmd, "--image " + image + " is not a file");
            Picture source;
            try {
                Picture photo = new SafeImageDecoder(ImageLimits.standard()).decode(Files.readAllBytes(image));
                // Never upscale: a small photo is worked on at its own size.
                source = ImageFiles.toLongSide(photo, Math.min(longSide, Math.max(photo.width(), photo.height())));
            } catch (ImageRejectedException e) {
                System.err.println("aisle images: " + image + ": " + e.getMessage());
                return 2;
            }
            ProductFacts facts = new ProductFacts(title, "", colour, material, category, null);
            VisualStudio studio = new VisualStudio(new MatteExtractor(), generator, new QualityControl());
            long t0 = System.nanoTime();
            StudioResult result = studio.run(source, facts, specs, colours, seed);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            Files.createDirectories(out);
            Files.write(out.resolve("mask.png"), ImageFiles.encode(ImageFiles.matteImage(result.matte()), ImageFiles.Format.PNG));
            System.out.printf(Locale.ROOT, "mask: coverage %.1f%%, shadow %.1f%%, confidence %.2f%s (%d ms, %s)%n",
                    result.matte().coverage() * 100, result.matte().shadowCoverage() * 100, result.matte().confidence(),
                    result.matte().notes().isEmpty() ? "" : " - " + String.join("; ", result.matte().notes()), ms, studio.generatorName());
            for (StudioOutput o : result.outputs()) {
                Path file = out.resolve(o.spec().name() + "." + fmt.extension());
                Files.write(file, ImageFiles.encode(o.image(), fmt));
                System.out.printf(Locale.ROOT, "%-16s %-7s %5dx%-5d %s%n", o.spec().name(), o.qc().verdict().label(),
                        o.image().width(), o.image().height(), file);
                System.out.println("    alt: " + o.altText());
                o.qc().reasons().forEach(r -> System.out.println("    " + r));
            }
            return 0;
        }
    }
}
