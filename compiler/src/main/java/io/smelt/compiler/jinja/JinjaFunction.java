package io.smelt.compiler.jinja;

import java.util.List;
import java.util.Map;

/**
 * A Java function that templates call like a Python callable: {@code f(1, x=2)} arrives as
 * {@code args = [1]} and {@code kwargs = {x: 2}}. An exception it throws aborts the render and
 * reaches the caller of the render, with the template position attached.
 */
@FunctionalInterface
public interface JinjaFunction {
    Object call(List<Object> args, Map<String, Object> kwargs);
}
