package io.aisle.server.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/** The two API keys: the public one may be shipped to browsers, the admin one may not. */
public record ApiKeys(String publicKey, String adminKey) {
    public ApiKeys {
        Objects.requireNonNull(publicKey, "publicKey");
        Objects.requireNonNull(adminKey, "adminKey");
        if (publicKey.length() < 16 || adminKey.length() < 16) {
            throw new IllegalArgumentException("API keys must be at least 16 characters");
        }
        if (publicKey.equals(adminKey)) throw new IllegalArgumentException("the public and admin keys must differ");
    }

    /** The role a presented key grants, or null for an unknown key. Constant-time comparison. */
    public Role roleOf(String presented) {
        if (presented == null) return null;
        byte[] p = presented.getBytes(StandardCharsets.UTF_8);
        if (MessageDigest.isEqual(p, adminKey.getBytes(StandardCharsets.UTF_8))) return Role.ADMIN;
        if (MessageDigest.isEqual(p, publicKey.getBytes(StandardCharsets.UTF_8))) return Role.PUBLIC;
        return null;
    }

    @Override public String toString() { return "ApiKeys[redacted]"; }
}
