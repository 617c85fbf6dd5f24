package io.smelt.compiler.context;

import io.smelt.compiler.diag.Diagnostic;
import io.smelt.compiler.diag.SmeltException;
import io.smelt.compiler.diag.SourcePosition;
import io.smelt.compiler.graph.Node;
import io.smelt.compiler.jinja.JinjaFunction;
import io.smelt.compiler.project.DbtProject;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code var(name, default)}: a unit test's override, else the var the node's package sees (its Jinja
 * text rendered when read, as dbt's get_rendered_var), else the default; a var defined nowhere is none
 * while parsing (the parser reports it if the node is enabled) and an error when executing.
 */
final class VarCall implements JinjaFunction {
    private final DbtContext context;
    private final ContextHost host;
    private final Node node;
    private final Provider provider;

    /** @param node the node being rendered, or null (hooks, operations) */
    VarCall(DbtContext context, ContextHost host, Node node, Provider provider) {
        this.context = context;
        this.host = host;
        this.node = node;
        this.provider = provider;
    }

    @Override
    public Object call(List<Object> args, Map<String, Object> kwargs) {
        String name = String.valueOf(DbtContext.arg(args, kwargs, 0, "name"));
        String packageName = node == null ? host.rootPackage() : node.packageName();
        provider.varRead(name);
        if (provider.vars().containsKey(name)) {
            return provider.vars().get(name);
        }
        if (host.hasVar(packageName, name)) {
            Object value = host.var(packageName, name);
            // dbt renders a var's text when var() is called, in the caller's context (not natively)
            if (value instanceof String text && (text.contains("{{") || text.contains("{%") || text.contains("{#"))) {
                try {
                    return host.engine().renderString(text, context.globals(Map.of()));
                }
                catch (SmeltException e) {
                    Diagnostic first = e.first();
                    if (first.at() != null && first.at().file() != null) {
                        throw e;
                    }
                    // the error is in the var's own text: say where that was written
                    throw new SmeltException(first.kind(), varDefinedAt(packageName, name),
                            "var('" + name + "'): " + first.message(), first.hint(), e);
                }
            }
            return value;
        }
        if (args.size() > 1 || kwargs.containsKey("default")) {
            return args.size() > 1 ? args.get(1) : kwargs.get("default");
        }
        SmeltException missing = DbtContext.error("var('" + name + "') is not defined and has no default",
                "define it under vars: in dbt_project.yml, pass --vars '{" + name + ": ...}', or give a default: var('" + name + "', ...)");
        return provider.undefinedVar(missing);
    }

    /** Where the var a package sees was written: --vars, the root's vars: or the package's own. */
    private SourcePosition varDefinedAt(String packageName, String name) {
        if (host.cliVars().containsKey(name)) {
            return SourcePosition.of(Path.of("--vars"));
        }
        DbtProject root = host.projects().get(host.rootPackage());
        if (root != null && (root.vars().containsKey(name)
                || root.vars().get(packageName) instanceof Map<?, ?> scoped && scoped.containsKey(name))) {
            return root.positionOf("vars");
        }
        DbtProject own = host.projects().get(packageName);
        return own == null ? null : own.positionOf("vars");
    }
}
