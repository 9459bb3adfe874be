package io.aisle.vision;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Whatever bytes arrive, the decoder either returns an image or throws its own exception with a reason. */
class HostileFileProperties {
    private static final byte[] PNG = ImageFiles.encode(Synthetic.product(), ImageFiles.Format.PNG);
    private static final byte[] JPEG = ImageFiles.encode(Synthetic.product(), ImageFiles.Format.JPEG);
    private final SafeImageDecoder decoder = new SafeImageDecoder(ImageLimits.standard());

    @Property(tries = 200)
    void random_bytes_never_escape_as_another_exception(@ForAll byte[] bytes) {
        assertDecodesOrRejects(bytes);
    }

    @Property(tries = 150)
    void corrupted_real_images_never_escape_as_another_exception(@ForAll("corrupted") byte[] bytes) {
        assertDecodesOrRejects(bytes);
    }

    @Provide
    Arbitrary<byte[]> corrupted() {
        return Arbitraries.of(PNG, JPEG).flatMap(base -> Arbitraries.integers().between(0, base.length - 1).list().ofMinSize(1).ofMaxSize(12)
                .flatMap(positions -> Arbitraries.integers().between(0, 255).list().ofSize(positions.size())
                        .map(values -> mutate(base, positions, values))));
    }

    private static byte[] mutate(byte[] base, List<Integer> positions, List<Integer> values) {
        byte[] b = base.clone();
        for (int k = 0; k < positions.size(); k++) b[positions.get(k)] = (byte) (int) values.get(k);
        return b;
    }

    private void assertDecodesOrRejects(byte[] bytes) {
        try {
            var p = decoder.decode(bytes);
            assertThat((long) p.width() * p.height()).isLessThanOrEqualTo(ImageLimits.standard().maxPixels());
        } catch (ImageRejectedException e) {
            assertThat(e.reason()).isIn("empty", "too_large", "not_an_image", "unsupported_format", "too_many_pixels", "corrupt");
            assertThat(e.getMessage()).isNotBlank();
        }
    }
}
