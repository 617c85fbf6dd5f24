package io.smelt.cli.output;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The live line at the bottom of a terminal: {@code [7/12] running: silver_user_events, gold_x …},
 * redrawn in place with a carriage return. Not thread-safe; {@link TextReporter} serialises calls.
 */
public final class ProgressLine {
    private final int width;
    private final Set<String> running = new LinkedHashSet<>();
    private int total;
    private int done;
    private int drawnLength;
    private boolean visible;

    public ProgressLine(int width) {
        this.width = Math.max(20, width);
    }

    void start(int total) {
        this.total = total;
        this.done = 0;
        running.clear();
    }

    void started(String name) {
        running.add(name);
    }

    void finished(String name) {
        running.remove(name);
        done++;
    }

    boolean visible() {
        return visible;
    }

    /** True while nodes are running: there is something to show. */
    boolean active() {
        return !running.isEmpty();
    }

    /** Moves to the line's start and writes the current state over what was there. */
    String draw() {
        if (running.isEmpty()) {
            String erase = erase();
            hide();
            return erase;
        }
        String text = text();
        StringBuilder line = new StringBuilder("\r").append(text);
        if (text.length() < drawnLength) {
            // blank what is left of a longer line, then put the cursor back after the text
            line.append(" ".repeat(drawnLength - text.length())).append('\r').append(text);
        }
        drawnLength = text.length();
        visible = true;
        return line.toString();
    }

    /** Blanks the line and leaves the cursor at its start. */
    String erase() {
        if (!visible) {
            return "";
        }
        return "\r" + " ".repeat(drawnLength) + "\r";
    }

    void hide() {
        visible = false;
        drawnLength = 0;
    }

    String text() {
        String counter = total > 0 ? "[" + done + "/" + total + "] running: " : "running: ";
        String names = String.join(", ", running);
        int room = width - 1 - counter.length();
        if (names.length() > room) {
            names = names.substring(0, Math.max(0, room - 1)) + "…";
        }
        return counter + names;
    }
}
