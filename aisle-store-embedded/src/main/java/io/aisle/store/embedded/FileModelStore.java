package io.aisle.store.embedded;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aisle.core.port.ModelStore;
import io.aisle.core.port.ModelVersion;
import io.aisle.core.port.NotFoundException;
import io.aisle.core.validation.ValidationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;

/**
 * Model artifacts as files {@code <root>/<name>/<version>.bin}, each written to a temporary file, synced and renamed
 * into place, so a reader sees a whole artifact or none; name, version, size, checksum and metadata in SQLite.
 */
public final class FileModelStore implements ModelStore {
    private static final Logger log = LoggerFactory.getLogger(FileModelStore.class);
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final TypeReference<Map<String, String>> METADATA = new TypeReference<>() {};
    private static final String COLUMNS = "SELECT name, version, created_at, size, sha256, metadata FROM models ";

    private final SqliteDatabase db;
    private final Path root;
    private final ObjectMapper mapper;
    private final Clock clock;
    /** Saves are serialised so two saves of one model cannot pick the same version. */
    private final ReentrantLock saveLock = new ReentrantLock();

    FileModelStore(SqliteDatabase db, Path root, ObjectMapper mapper, Clock clock) {
        this.db = db;
        this.root = root;
        this.mapper = mapper;
        this.clock = clock;
        removeLeftoverTempFiles();
    }

    @Override public ModelVersion save(String name, byte[] artifact, Map<String, String> metadata) {
        requireName(name);
        Objects.requireNonNull(artifact, "artifact");
        Map<String, String> meta = new TreeMap<>(metadata == null ? Map.of() : metadata);
        if (meta.containsValue(null)) throw new IllegalArgumentException("model metadata values must not be null");
        String metaJson = toJson(meta);
        String sha256 = sha256(artifact);
        saveLock.lock();
        try {
            int version = db.read(h -> {
                PreparedStatement ps = h.prepare("SELECT coalesce(max(version), 0) FROM models WHERE name = ?");
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getInt(1) : 0;
                }
            }) + 1;
            // The file goes first: a crash before the row is written leaves an unlisted file that the next save of
            // this version replaces; the row never points at a file that is not whole.
            writeAtomically(root.resolve(name), version + ".bin", artifact);
            Instant createdAt = Micros.truncate(clock.instant());
            ModelVersion saved = new ModelVersion(name, version, createdAt, artifact.length, sha256, meta);
            db.write(h -> {
                PreparedStatement ps = h.prepare("INSERT INTO models (name, version, created_at, size, sha256, "
                        + "metadata) VALUES (?, ?, ?, ?, ?, ?)");
                ps.setString(1, name);
                ps.setInt(2, version);
                ps.setLong(3, Micros.of(createdAt));
                ps.setLong(4, artifact.length);
                ps.setString(5, sha256);
                ps.setString(6, metaJson);
                return ps.executeUpdate();
            });
            log.info("event=model.save name={} version={} size={}", name, version, artifact.length);
            return saved;
        } finally {
            saveLock.unlock();
        }
    }

    @Override public Optional<ModelVersion> latest(String name) {
        requireName(name);
        return db.read(h -> {
            PreparedStatement ps = h.prepare(COLUMNS + "WHERE name = ? ORDER BY version DESC LIMIT 1");
            ps.setString(1, name);
            return versions(ps).stream().findFirst();
        });
    }

    @Override public Optional<ModelVersion> find(String name, int version) {
        requireName(name);
        return db.read(h -> {
            PreparedStatement ps = h.prepare(COLUMNS + "WHERE name = ? AND version = ?");
            ps.setString(1, name);
            ps.setInt(2, version);
            return versions(ps).stream().findFirst();
        });
    }

    @Override public List<ModelVersion> versions(String name) {
        requireName(name);
        return db.read(h -> {
            PreparedStatement ps = h.prepare(COLUMNS + "WHERE name = ? ORDER BY version");
            ps.setString(1, name);
            return versions(ps);
        });
    }

    /** The artifact's bytes; throws {@link StorageException} when the file is missing or fails its checksum. */
    @Override public byte[] load(ModelVersion version) {
        Objects.requireNonNull(version, "version");
        ModelVersion stored = find(version.name(), version.version()).orElseThrow(() -> new NotFoundException(
                "model " + version.name() + " version " + version.version()));
        Path file = root.resolve(stored.name()).resolve(stored.version() + ".bin");
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new StorageException("model " + stored.name() + " version " + stored.version()
                    + " is listed but its file " + file + " is missing");
        } catch (IOException e) {
            throw new StorageException("cannot read model file " + file + ": " + e.getMessage(), e);
        }
        String actual = sha256(bytes);
        if (!actual.equals(stored.sha256()) || !stored.sha256().equals(version.sha256())) {
            throw new StorageException("model " + stored.name() + " version " + stored.version()
                    + " is corrupt: file " + file + " has sha256 " + actual + " (" + bytes.length
                    + " bytes), expected " + stored.sha256() + " (" + stored.sizeBytes() + " bytes)");
        }
        return bytes;
    }

    private List<ModelVersion> versions(PreparedStatement ps) throws SQLException {
        List<ModelVersion> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new ModelVersion(rs.getString(1), rs.getInt(2), Micros.toInstant(rs.getLong(3)), rs.getLong(4),
                        rs.getString(5), fromJson(rs.getString(6))));
            }
        }
        return out;
    }

    /** Writes, syncs and renames into place; the directory is synced too so the rename itself survives a crash. */
    static void writeAtomically(Path dir, String fileName, byte[] bytes) {
        try {
            boolean created = !Files.isDirectory(dir);
            Files.createDirectories(dir);
            if (created) syncDirectory(dir.getParent());
            Path tmp = Files.createTempFile(dir, "." + fileName + ".", ".tmp");
            try {
                try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                    ByteBuffer buf = ByteBuffer.wrap(bytes);
                    while (buf.hasRemaining()) ch.write(buf);
                    ch.force(true);
                }
                Files.move(tmp, dir.resolve(fileName), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(tmp);
            }
            syncDirectory(dir);
        } catch (IOException e) {
            throw new StorageException("cannot write " + dir.resolve(fileName) + ": " + e.getMessage(), e);
        }
    }

    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // Some platforms (Windows) cannot open or sync a directory; the rename is still atomic there.
            log.debug("event=model.dir_sync_skipped dir={} reason=\"{}\"", dir, e.getMessage());
        }
    }

    private void removeLeftoverTempFiles() {
        if (!Files.isDirectory(root)) return;
        try (DirectoryStream<Path> models = Files.newDirectoryStream(root, Files::isDirectory)) {
            for (Path dir : models) {
                try (DirectoryStream<Path> temps = Files.newDirectoryStream(dir, ".*.tmp")) {
                    for (Path tmp : temps) {
                        Files.deleteIfExists(tmp);
                        log.info("event=model.temp_removed file={}", tmp);
                    }
                }
            }
        } catch (IOException e) {
            log.warn("event=model.temp_cleanup_failed root={} reason=\"{}\"", root, e.getMessage());
        }
    }

    static void requireName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new ValidationException("name", "must be 1 to 64 characters of a-z, 0-9, '.', '_' or '-', starting "
                    + "with a letter or digit" + (name == null ? "" : ", got '" + abbreviate(name) + "'"));
        }
    }

    private static String abbreviate(String s) { return s.length() <= 70 ? s : s.substring(0, 70) + "..."; }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }

    private String toJson(Map<String, String> meta) {
        try {
            return mapper.writeValueAsString(meta);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("model metadata cannot be written as JSON: " + e.getMessage(), e);
        }
    }

    private Map<String, String> fromJson(String json) {
        try {
            return mapper.readValue(json, METADATA);
        } catch (JsonProcessingException e) {
            throw new StorageException("stored model metadata is not JSON: " + e.getMessage(), e);
        }
    }
}
