package io.aisle.ingest;

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
     * A dataset folder under {@code shared/data}, found by walking up from the working directory (tests run in the
     * module folder; the data sits beside the repository). Fails with a clear message when it is not there.
     */
    public static Path sharedData(String dataset) {
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("data").resolve(dataset);
            if (Files.isDirectory(candidate)) return candidate;
        }
        throw new IllegalStateException("dataset '" + dataset + "' not found: looked for shared/data/" + dataset
                + " in " + start + " and every folder above it. Put the team's shared/data beside the repository.");
    }
}
