package io.smelt.compiler.jinja;

import java.nio.file.Path;

/**
 * One template or macro being rendered: which package's macros unqualified names reach, and the file
 * and 1-based line for positions and {@link JinjaEngine#currentLine()}.
 */
final class Frame {
    final Renderer renderer;
    final String pkg;
    final Path file;
    final String macro;
    final Frame caller;
    int line;

    Frame(Renderer renderer, String pkg, Path file, String macro, Frame caller, int line) {
        this.renderer = renderer;
        this.pkg = pkg;
        this.file = file;
        this.macro = macro;
        this.caller = caller;
        this.line = line;
    }
}
