package io.smelt.compiler.project;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the fixture projects under {@code src/test/resources/projects/loading}. */
final class Fixtures {
    private Fixtures() {
    }

    static Path dir(String name) {
        URL url = Fixtures.class.getResource("/projects/loading/" + name);
        if (url == null) {
            throw new IllegalArgumentException("no fixture " + name);
        }
        try {
            return Path.of(url.toURI());
        }
        catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static String text(String name) {
        try {
            return Files.readString(dir(name));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
