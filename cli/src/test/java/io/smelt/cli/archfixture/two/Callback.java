package io.smelt.cli.archfixture.two;

import io.smelt.cli.archfixture.one.Printer;

/** The other half of the cycle {@link Printer} starts. */
public interface Callback {
    String text();

    default void printWith(Printer printer) {
        printer.show(this);
    }
}
