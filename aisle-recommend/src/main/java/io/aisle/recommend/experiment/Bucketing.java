package io.aisle.recommend.experiment;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Maps (experiment, purpose, shopper) to a number in [0, 1), the same in every process and version: the first
 * 8 bytes of the SHA-256 of {@code experimentId + "\n" + purpose + "\n" + shopperKey} (UTF-8), big-endian, top
 * 53 bits as a fraction. SHA-256 rather than {@code String.hashCode} because it is specified outside Java (a
 * storefront or a notebook can reproduce a bucket) and its bits are uniform for any id scheme; the experiment id in
 * the input makes experiments independent of each other.
 */
public final class Bucketing {
    /** Purpose of the bucket that decides whether a shopper is in the experiment at all. */
    public static final String TRAFFIC = "traffic";
    /** Purpose of the bucket that picks the variant, independent of the traffic bucket. */
    public static final String VARIANT = "variant";

    private static final double UNIT = 0x1.0p-53;

    private Bucketing() {}

    /** A uniform number in [0, 1) for this experiment, purpose and shopper. */
    public static double bucket(String experimentId, String purpose, String shopperKey) {
        byte[] digest = sha256().digest((experimentId + "\n" + purpose + "\n" + shopperKey).getBytes(StandardCharsets.UTF_8));
        long top = ByteBuffer.wrap(digest, 0, 8).getLong();
        return (top >>> 11) * UNIT;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }
}
