package io.aisle.vision;

import io.aisle.core.vision.Picture;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SafeImageDecoderTest {
    private final SafeImageDecoder decoder = new SafeImageDecoder(ImageLimits.standard());

    @Test
    void decodes_a_png_and_a_jpeg() {
        Picture p = Synthetic.product();
        assertThat(decoder.decode(ImageFiles.encode(p, ImageFiles.Format.PNG)).argb()).isEqualTo(p.argb());
        Picture j = decoder.decode(ImageFiles.encode(p, ImageFiles.Format.JPEG));
        assertThat(j.width()).isEqualTo(p.width());
        assertThat(j.height()).isEqualTo(p.height());
    }

    @Test
    void refuses_an_empty_file() {
        assertThatThrownBy(() -> decoder.decode(new byte[0])).isInstanceOf(ImageRejectedException.class)
                .hasMessage("The image file is empty").extracting(e -> ((ImageRejectedException) e).reason()).isEqualTo("empty");
    }

    @Test
    void refuses_text_that_is_not_an_image() {
        assertThatThrownBy(() -> decoder.decode("<svg onload=alert(1)></svg>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ImageRejectedException.class).hasMessageContaining("not a JPEG or PNG")
                .extracting(e -> ((ImageRejectedException) e).reason()).isEqualTo("not_an_image");
    }

    @Test
    void refuses_webp_and_gif_by_name() {
        byte[] webp = "RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> decoder.decode(webp)).hasMessageContaining("WebP uploads are not supported");
        assertThatThrownBy(() -> decoder.decode("GIF89a....".getBytes(StandardCharsets.ISO_8859_1))).hasMessageContaining("GIF");
    }

    @Test
    void refuses_a_file_over_the_byte_limit_before_reading_it() {
        SafeImageDecoder small = new SafeImageDecoder(new ImageLimits(1000, 8000, 40_000_000));
        assertThatThrownBy(() -> small.decode(new byte[1001])).isInstanceOf(ImageRejectedException.class)
                .hasMessageContaining("1001 bytes; at most 1000");
    }

    @Test
    void refuses_a_decompression_bomb_from_its_header_without_decoding() {
        // 60,000 x 60,000 RGBA declared: 14 GB once decoded; the file itself is a few hundred bytes.
        byte[] bomb = png(60_000, 60_000, new byte[0]);
        long before = usedMemory();
        assertThatThrownBy(() -> decoder.decode(bomb)).isInstanceOf(ImageRejectedException.class)
                .hasMessageContaining("60000x60000 px")
                .extracting(e -> ((ImageRejectedException) e).reason()).isEqualTo("too_many_pixels");
        assertThat(usedMemory() - before).isLessThan(200L << 20);
    }

    @Test
    void refuses_a_long_thin_image_over_the_pixel_budget() {
        SafeImageDecoder tight = new SafeImageDecoder(new ImageLimits(25_000_000, 8000, 1_000_000));
        byte[] thin = png(7000, 1000, new byte[0]);
        assertThatThrownBy(() -> tight.decode(thin)).hasMessageContaining("7000000 pixels; at most 1000000");
    }

    @Test
    void a_truncated_jpeg_is_corrupt_not_a_crash() {
        byte[] jpeg = ImageFiles.encode(Synthetic.product(), ImageFiles.Format.JPEG);
        byte[] cut = Arrays.copyOf(jpeg, 200);
        assertThatThrownBy(() -> decoder.decode(cut)).isInstanceOf(ImageRejectedException.class)
                .extracting(e -> ((ImageRejectedException) e).reason()).isEqualTo("corrupt");
    }

    @Test
    void a_png_with_a_broken_data_stream_is_corrupt() {
        byte[] garbage = new byte[64];
        Arrays.fill(garbage, (byte) 0x5A);
        assertThatThrownBy(() -> decoder.decode(png(10, 10, garbage))).isInstanceOf(ImageRejectedException.class)
                .hasMessageStartingWith("The PNG file could not be decoded");
    }

    /** A PNG with the given declared size and raw IDAT bytes (deflated zeros when {@code idat} is empty). */
    static byte[] png(int width, int height, byte[] idat) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 6).put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(out, "IHDR", ihdr.array());
        byte[] data = idat;
        if (data.length == 0) {
            Deflater d = new Deflater();
            d.setInput(new byte[4096]);
            d.finish();
            byte[] buf = new byte[8192];
            data = Arrays.copyOf(buf, d.deflate(buf));
            d.end();
        }
        chunk(out, "IDAT", data);
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(t);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    private static long usedMemory() {
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }
}
