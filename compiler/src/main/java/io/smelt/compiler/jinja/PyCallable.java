package io.smelt.compiler.jinja;

import java.util.List;
import java.util.Map;

/** Something template code calls with Python-style arguments (macros, caller, bound methods, builtins). */
interface PyCallable {
    Object call(List<Object> args, Map<String, Object> kwargs);
}
