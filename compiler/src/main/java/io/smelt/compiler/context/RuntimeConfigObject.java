package io.smelt.compiler.context;

import io.smelt.compiler.jinja.JinjaFunction;
import io.smelt.compiler.jinja.JinjaObject;
import io.smelt.compiler.project.DbtProject;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * dbt's RuntimeConfig as templates reach it through {@code builtins.ref.config} (elementary's and
 * tuva's {@code get_runtime_config()}): the root project's name, version, profile and target, its
 * {@code vars} as written in dbt_project.yml ({@code to_dict()}), {@code cli_vars}, {@code args}
 * (the invocation's flags by their lowercase names) and {@code dependencies}: every loaded project,
 * the root included, by name, each with its {@code project_name}, {@code version} and {@code vars}.
 * A field dbt has and Smelt does not model reads as undefined.
 */
final class RuntimeConfigObject implements JinjaObject {
    private final DbtProject project;
    private final Map<String, DbtProject> projects;
    private final Map<String, Object> cliVars;
    private final Map<String, Object> flags;
    private final Map<String, Object> target;

    /**
     * @param project the project this object describes (the root, or one of {@code dependencies})
     * @param projects every loaded project by name, or null for a dependency (which has none)
     */
    RuntimeConfigObject(DbtProject project, Map<String, DbtProject> projects, Map<String, Object> cliVars,
            Map<String, Object> flags, Map<String, Object> target) {
        this.project = project;
        this.projects = projects;
        this.cliVars = cliVars;
        this.flags = flags;
        this.target = target;
    }

    @Override
    public Object attribute(String name) {
        return switch (name) {
            case "project_name" -> project.name();
            case "version" -> project.version();
            case "config_version" -> project.configVersion();
            case "profile_name" -> projects == null ? null : project.profile();
            case "target_name" -> projects == null ? null : target.get("target_name");
            case "threads" -> projects == null ? null : target.get("threads");
            case "vars" -> new VarProvider(project.vars());
            case "cli_vars" -> cliVars;
            case "args" -> projects == null ? null : args();
            case "dependencies" -> projects == null ? null : dependencies();
            default -> null;
        };
    }

    private Map<String, Object> dependencies() {
        Map<String, Object> dependencies = new LinkedHashMap<>();
        projects.forEach((name, p) -> dependencies.put(name, p == project ? this
                : new RuntimeConfigObject(p, null, cliVars, flags, target)));
        return Collections.unmodifiableMap(dependencies);
    }

    private Map<String, Object> args() {
        Map<String, Object> args = new LinkedHashMap<>();
        flags.forEach((key, value) -> args.put(key.toLowerCase(Locale.ROOT), value));
        args.put("vars", cliVars);
        return Collections.unmodifiableMap(args);
    }

    @Override
    public String toString() {
        return "RuntimeConfig(project_name='" + project.name() + "')";
    }

    /** dbt's VarProvider: the vars block as written, read with {@code to_dict()}. */
    private record VarProvider(Map<String, Object> vars) implements JinjaObject {
        @Override
        public Object attribute(String name) {
            return name.equals("to_dict") ? (JinjaFunction) (args, kwargs) -> new LinkedHashMap<>(vars) : null;
        }

        @Override
        public String toString() {
            return "VarProvider(" + vars + ")";
        }
    }
}
