package io.aisle.server;

import io.aisle.server.http.ApiKeys;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Properties;

/** The API keys kept in the data directory when none are configured: created once, readable by the owner only. */
public final class KeyFile {
    public static final String NAME = "api-keys.properties";

    private final Path file;

    public KeyFile(Path dataDir) { this.file = dataDir.resolve(NAME); }

    public Path path() { return file; }

    public boolean exists() { return Files.exists(file); }

    /** Reads the keys, creating the file with fresh random keys if it is not there. */
    public ApiKeys loadOrCreate() {
        try {
            if (!Files.exists(file)) create();
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(file)) {
                p.load(r);
            }
            String pub = p.getProperty("public_key");
            String admin = p.getProperty("admin_key");
            if (pub == null || admin == null) {
                throw new IllegalStateException(file + " must define public_key and admin_key");
            }
            return new ApiKeys(pub, admin);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create " + file, e);
        }
    }

    private void create() throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = Files.createTempFile(file.getParent(), NAME, ".tmp");
        try {
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException ignored) {
            // Not a POSIX file system: the directory's own permissions protect the file.
        }
        SecureRandom random = new SecureRandom();
        Properties p = new Properties();
        p.setProperty("public_key", "pk_" + token(random));
        p.setProperty("admin_key", "ak_" + token(random));
        try (Writer w = Files.newBufferedWriter(tmp)) {
            p.store(w, "Aisle API keys: public_key may be used in browsers; keep admin_key secret");
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String token(SecureRandom random) {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
