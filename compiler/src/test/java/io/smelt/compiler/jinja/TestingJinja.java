package io.smelt.compiler.jinja;

import java.util.List;
import java.util.Map;

/** Builds engines for tests. */
final class TestingJinja {
    private TestingJinja() {
    }

    static JinjaEngine engine(String root, List<String> internal, MacroSource... files) {
        return JinjaEngine.create(new JinjaEngine.Options(root, internal, List.of(), Map.of()), List.of(files));
    }
}
