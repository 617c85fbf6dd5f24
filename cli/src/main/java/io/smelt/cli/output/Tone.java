package io.smelt.cli.output;

/** How a status word is coloured: green for success, red for failure, yellow for warnings and skips. */
public enum Tone {
    PLAIN, GOOD, BAD, WARN
}
