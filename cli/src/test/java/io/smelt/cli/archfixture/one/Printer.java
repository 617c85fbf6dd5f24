package io.smelt.cli.archfixture.one;

import io.smelt.cli.archfixture.two.Callback;

/** Breaks two rules on purpose: it prints, and its package and {@code two} depend on each other. */
public final class Printer {
    public void show(Callback callback) {
        System.out.println(callback.text());
    }
}
