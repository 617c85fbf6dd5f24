package io.smelt.compiler.context;

import io.smelt.adapter.Relation;
import io.smelt.adapter.RelationType;
import io.smelt.compiler.graph.Node;
import io.smelt.compiler.jinja.JinjaFunction;
import io.smelt.compiler.jinja.MacroOverride;

import java.util.Map;

/**
 * A unit test's model: its given inputs read from CTEs, an input not given is an error, and its
 * overrides take the place of macros, vars and environment variables ({@code is_incremental()} is
 * false unless overridden).
 */
final class UnitTestProvider extends RuntimeProvider {
    private final UnitTestInputs inputs;

    UnitTestProvider(DbtContext context, ContextHost host, Node model, ExecutionScope scope, UnitTestInputs inputs) {
        super(context, host, model, scope);
        this.inputs = inputs;
    }

    @Override
    protected RelationObject read(Node target) {
        String name = inputs.relations().get(target.uniqueId());
        if (name == null) {
            throw DbtContext.error("the unit test gives no rows for " + target.uniqueId() + ", which " + node.name() + " reads",
                    "add a given input for it (rows: [] for none)");
        }
        return new RelationObject(new Relation(null, null, name, RelationType.CTE), host.adapter());
    }

    @Override
    public boolean isIncremental() {
        Object value = inputs.macros().get("is_incremental");
        return Boolean.TRUE.equals(value) || "true".equalsIgnoreCase(String.valueOf(value));
    }

    @Override
    public Map<String, Object> vars() {
        return inputs.vars();
    }

    @Override
    public Map<String, String> envVars() {
        return inputs.envVars();
    }

    @Override
    public void override(Map<String, Object> members) {
        inputs.macros().forEach((name, value) -> {
            Object original = members.get(name);
            if (original != null && !(original instanceof JinjaFunction)) {
                // a context value such as invocation_id: dbt replaces the value itself
                members.put(name, value);
            }
            else if (!name.equals("is_incremental")) {
                members.put(name, (MacroOverride) (args, kwargs) -> value);
            }
        });
        if (inputs.thisName() != null) {
            members.put("this", new RelationObject(new Relation(null, null, inputs.thisName(), RelationType.CTE), host.adapter()));
        }
    }
}
