package io.smelt.cli.output;

import picocli.CommandLine.Help.Ansi.Style;

/** Colours text with picocli's ANSI styles, or leaves it alone when colours are off. */
public final class Palette {
    public static final Palette OFF = new Palette(false);
    public static final Palette ON = new Palette(true);

    private final boolean enabled;

    private Palette(boolean enabled) {
        this.enabled = enabled;
    }

    public static Palette of(boolean enabled) {
        return enabled ? ON : OFF;
    }

    public boolean enabled() {
        return enabled;
    }

    public String paint(Tone tone, String text) {
        return switch (tone) {
            case GOOD -> style(Style.fg_green, text);
            case BAD -> style(Style.fg_red, text);
            case WARN -> style(Style.fg_yellow, text);
            case PLAIN -> text;
        };
    }

    private String style(Style style, String text) {
        return enabled && !text.isEmpty() ? style.on() + text + style.off() : text;
    }
}
