package io.smelt.compiler.load;

import io.smelt.compiler.context.DbtContext;
import io.smelt.compiler.context.ParseCapture;
import io.smelt.compiler.diag.Diagnostic;
import io.smelt.compiler.diag.ErrorKind;
import io.smelt.compiler.diag.SmeltException;
import io.smelt.compiler.diag.SourcePosition;
import io.smelt.compiler.jinja.JinjaEngine;
import io.smelt.compiler.jinja.JinjaFunction;
import io.smelt.compiler.parse.DocsBlocks;
import io.smelt.compiler.project.YamlRenderer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/** The renderers of Jinja in YAML: dbt_project.yml and profiles.yml, and properties files. */
public final class YamlRenderers {
    private static final Pattern TARGET = Pattern.compile("\\btarget\\b");

    private YamlRenderers() {
    }

    /** Renders Jinja in properties files with the parse-time dbt context: target, var, env_var. */
    static YamlRenderer forProperties(LoadedProject host) {
        return new YamlRenderer() {
            @Override
            public String render(String text, SourcePosition at) {
                return rendering(at, () -> host.engine().renderString(text, globals()));
            }

            @Override
            public Object renderNative(String text, SourcePosition at) {
                return rendering(at, () -> host.engine().renderNative(text, globals()));
            }

            private Map<String, Object> globals() {
                return DbtContext.forParse(host, null, new ParseCapture()).globals(Map.of());
            }
        };
    }

    /** Renders a description as dbt's docs context does: the parse-time context plus {@code doc()}. */
    static YamlRenderer forDescriptions(LoadedProject host, DocsBlocks docs, String packageName) {
        JinjaFunction doc = (args, kwargs) -> args.size() >= 2
                ? docs.resolve(packageName, String.valueOf(args.get(0)), String.valueOf(args.get(1)))
                : docs.resolve(packageName, null, String.valueOf(args.isEmpty() ? kwargs.get("name") : args.get(0)));
        return (text, at) -> rendering(at, () -> host.engine().renderString(text,
                DbtContext.forParse(host, null, new ParseCapture()).globals(Map.of("doc", doc))));
    }

    /** A renderer that leaves values mentioning {@code target} as written, for use before the profile is read. */
    public static YamlRenderer withoutTarget(YamlRenderer renderer) {
        return new YamlRenderer() {
            @Override
            public String render(String text, SourcePosition at) {
                return TARGET.matcher(text).find() ? text : renderer.render(text, at);
            }

            @Override
            public Object renderNative(String text, SourcePosition at) {
                return TARGET.matcher(text).find() ? text : renderer.renderNative(text, at);
            }
        };
    }

    /**
     * Renders {@code {{ env_var(...) }}}, {@code {{ var(...) }}} (from --vars) and, once the profile
     * is known, {@code {{ target.* }}} inside YAML values.
     *
     * @param target the target object, or null for profiles.yml and before the profile is read
     */
    static YamlRenderer of(Map<String, Object> cliVars, Map<String, String> environment, Map<String, Object> target) {
        JinjaEngine engine = JinjaEngine.create(new JinjaEngine.Options("__yaml__", List.of(), List.of(), Map.of()), List.of());
        Map<String, Object> globals = new HashMap<>();
        globals.put("env_var", (JinjaFunction) (args, kwargs) -> {
            String name = String.valueOf(args.get(0));
            String value = environment.get(name);
            if (value != null) {
                return value;
            }
            if (args.size() > 1) {
                return args.get(1) == null ? null : args.get(1).toString();
            }
            throw new SmeltException(ErrorKind.PROJECT, null, "environment variable '" + name + "' is not set and env_var() was given no default",
                    "export " + name + "=... or write env_var('" + name + "', 'default')");
        });
        globals.put("var", (JinjaFunction) (args, kwargs) -> {
            String name = String.valueOf(args.get(0));
            if (cliVars.containsKey(name)) {
                return cliVars.get(name);
            }
            if (args.size() > 1) {
                return args.get(1);
            }
            throw new SmeltException(ErrorKind.PROJECT, null, "var('" + name + "') is not defined here",
                    "only --vars are visible in dbt_project.yml and profiles.yml; pass --vars '{" + name + ": ...}' or give a default");
        });
        if (target != null) {
            globals.put("target", target);
        }
        Map<String, Object> frozen = Map.copyOf(globals);
        return new YamlRenderer() {
            @Override
            public String render(String text, SourcePosition at) {
                return rendering(at, () -> engine.renderString(text, frozen));
            }

            @Override
            public Object renderNative(String text, SourcePosition at) {
                return rendering(at, () -> engine.renderNative(text, frozen));
            }
        };
    }

    private static <T> T rendering(SourcePosition at, Supplier<T> render) {
        try {
            return render.get();
        }
        catch (SmeltException e) {
            Diagnostic first = e.first();
            throw new SmeltException(first.kind(), at, first.message(), first.hint(), e);
        }
    }
}
