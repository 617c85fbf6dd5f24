package io.smelt.compiler.jinja;

/**
 * A global that takes the place of the macro of the same name in every package, as a unit test's
 * {@code overrides.macros} do; other globals give way to a package's macros.
 */
@FunctionalInterface
public interface MacroOverride extends JinjaFunction {
}
