package io.smelt.compiler.jinja;

import java.util.List;
import java.util.Map;

/** Something template code can call that needs the render it runs in (macros, caller, engine builtins). */
interface PyCallable {
    Object call(Renderer renderer, List<Object> args, Map<String, Object> kwargs);
}
