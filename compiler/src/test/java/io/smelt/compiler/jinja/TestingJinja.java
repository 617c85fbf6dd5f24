package io.smelt.compiler.jinja;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Engines over the conformance corpus' macros ({@code root} and {@code probe_pkg}) for tests. */
final class TestingJinja {
    private TestingJinja() {
    }

    static Path resource(String name) {
        try {
            return Path.of(TestingJinja.class.getResource("/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<MacroSource> sources(String packageName, Path dir) {
        List<MacroSource> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.sorted().toList()) {
                out.add(new MacroSource(packageName, Path.of("macros").resolve(f.getFileName().toString()),
                        Files.readString(f)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    static JinjaEngine.Options options() {
        return new JinjaEngine.Options("root", List.of("dbt"), List.of("duckdb"), Map.of());
    }

    static JinjaEngine corpusEngine() {
        List<MacroSource> all = new ArrayList<>(sources("root", resource("jinja-conformance/macros/root")));
        all.addAll(sources("probe_pkg", resource("jinja-conformance/macros/probe_pkg")));
        return JinjaEngine.create(options(), all);
    }

    static MacroSource macro(String pkg, String path, String text) {
        return new MacroSource(pkg, Path.of(path), text);
    }
}
