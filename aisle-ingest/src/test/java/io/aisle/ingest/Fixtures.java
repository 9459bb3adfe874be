package io.aisle.ingest;

import org.junit.jupiter.api.Assumptions;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;

/** Test files: small fixtures on the test class path, and the team's datasets in shared/data beside the repo. */
public final class Fixtures {
    private Fixtures() {}

    public static Path resource(String name) {
        URL url = Fixtures.class.getResource("/" + name);
        if (url == null) throw new IllegalStateException("no test resource " + name);
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A dataset folder under {@code shared/data}: under {@code $AISLE_SHARED_DATA} when set, else found by walking up
     * from the working directory (tests run in the module folder; the data sits beside the repository). Tests on a
     * whole public dataset abort with this reason, visibly, on a checkout that has no copy of it.
     */
    public static Path sharedData(String dataset) {
        String configured = System.getenv("AISLE_SHARED_DATA");
        if (configured != null && !configured.isBlank()) {
            Path candidate = Path.of(configured).resolve(dataset);
            Assumptions.assumeTrue(Files.isDirectory(candidate), "dataset '" + dataset + "' not in AISLE_SHARED_DATA=" + configured);
            return candidate;
        }
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("data").resolve(dataset);
            if (Files.isDirectory(candidate)) return candidate;
        }
        Assumptions.abort("dataset '" + dataset + "' not found: looked for shared/data/" + dataset + " in " + start
                + " and every folder above it; set AISLE_SHARED_DATA to the folder holding it");
        throw new AssertionError("unreachable");
    }
}
