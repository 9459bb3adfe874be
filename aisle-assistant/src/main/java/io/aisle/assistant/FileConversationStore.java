package io.aisle.assistant;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.aisle.core.json.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Conversations as one JSON file each, under a folder per shopper (named by a hash of the shopper id, so ids never
 * become paths). A save writes a temporary file and renames it over the old one: a crash leaves the old state or the
 * new, never half of one. Bounds are applied as conversations are created and read.
 */
public final class FileConversationStore implements ConversationStore {
    private static final Pattern ID = Pattern.compile("c-[0-9a-f-]{36}");

    private final Path root;
    private final AssistantSettings settings;
    private final Clock clock;
    private final ObjectMapper mapper = Json.mapper();

    public FileConversationStore(Path root, AssistantSettings settings, Clock clock) {
        this.root = root;
        this.settings = settings;
        this.clock = clock;
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the conversation folder " + root, e);
        }
    }

    @Override public synchronized Conversation create(String shopperId) {
        Path dir = folder(shopperId);
        try {
            Files.createDirectories(dir);
            List<Path> own = files(dir);
            own.sort(Comparator.comparingLong(FileConversationStore::modified));
            for (int k = 0; k <= own.size() - settings.maxConversations(); k++) Files.deleteIfExists(own.get(k));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Conversation c = Conversation.start("c-" + UUID.randomUUID(), shopperId, clock.millis());
        save(c);
        return c;
    }

    @Override public synchronized Optional<Conversation> get(String shopperId, String conversationId) {
        if (!ID.matcher(conversationId).matches()) return Optional.empty();
        Path file = folder(shopperId).resolve(conversationId + ".json");
        try {
            Conversation c = mapper.readValue(Files.readString(file, StandardCharsets.UTF_8), Conversation.class);
            if (!c.shopperId().equals(shopperId)) return Optional.empty(); // a hash collision is not access
            if (c.updatedAtMs() + settings.ttl().toMillis() < clock.millis()) {
                Files.deleteIfExists(file);
                return Optional.empty();
            }
            return Optional.of(c);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read conversation " + conversationId, e);
        }
    }

    @Override public synchronized void save(Conversation conversation) {
        Path dir = folder(conversation.shopperId());
        Path file = dir.resolve(conversation.id() + ".json");
        try {
            Files.createDirectories(dir);
            Path tmp = dir.resolve(conversation.id() + ".json.tmp");
            Files.write(tmp, mapper.writeValueAsBytes(conversation));
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save conversation " + conversation.id(), e);
        }
    }

    /** Deletes conversations idle longer than the TTL; returns how many went. Run now and then. */
    public synchronized int sweep() {
        long cutoff = clock.millis() - settings.ttl().toMillis();
        int removed = 0;
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                for (Path f : files(dir)) {
                    if (modified(f) < cutoff && Files.deleteIfExists(f)) removed++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return removed;
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return new ArrayList<>(s.filter(p -> p.getFileName().toString().endsWith(".json")).toList());
        }
    }

    private static long modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    private Path folder(String shopperId) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(shopperId.getBytes(StandardCharsets.UTF_8));
            return root.resolve(HexFormat.of().formatHex(h, 0, 12));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
