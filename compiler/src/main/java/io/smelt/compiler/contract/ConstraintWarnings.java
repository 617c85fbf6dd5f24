package io.smelt.compiler.contract;

import io.smelt.adapter.Adapter;
import io.smelt.adapter.ConstraintSupport;
import io.smelt.compiler.diag.WarnErrorOptions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * dbt's {@code ConstraintNotEnforced} and {@code ConstraintNotSupported} warnings for one contracted
 * model on one engine: a constraint the engine writes but does not check, or cannot write at all, unless
 * the constraint turns its warning off ({@code warn_unenforced: false}, {@code warn_unsupported: false}).
 * A view gets none of its constraints, which is said once.
 */
public final class ConstraintWarnings {
    private static final String NOT_ENFORCED = WarnErrorOptions.CONSTRAINT_WARNINGS.get(0);
    private static final String NOT_SUPPORTED = WarnErrorOptions.CONSTRAINT_WARNINGS.get(1);
    private static final String NOT_APPLIED = WarnErrorOptions.CONSTRAINT_WARNINGS.get(2);

    /** One warning: its dbt event name (for {@code --warn-error-options}) and its text. */
    public record Warning(String event, String message) {
    }

    private ConstraintWarnings() {
    }

    public static List<Warning> of(ModelContract contract, Adapter adapter, String materialized) {
        List<Warning> warnings = new ArrayList<>();
        List<Map<?, ?>> all = new ArrayList<>();
        List<String> owners = new ArrayList<>();
        contract.columns().forEach(column -> column.constraints().forEach(c -> {
            all.add(c);
            owners.add("column " + column.name());
        }));
        contract.constraints().forEach(c -> {
            all.add(c);
            owners.add("the model");
        });
        if (!ModelContract.enforcesConstraints(materialized)) {
            if (all.stream().anyMatch(c -> !Boolean.FALSE.equals(c.get("warn_unsupported")))) {
                warnings.add(new Warning(NOT_APPLIED, "constraints are not applied to a " + materialized
                        + " (only table and incremental models create their table with them)"));
            }
            return warnings;
        }
        for (int i = 0; i < all.size(); i++) {
            Map<?, ?> c = all.get(i);
            String type = String.valueOf(c.get("type"));
            if (type.equals("custom")) {
                continue;
            }
            ConstraintSupport support = adapter.constraintSupport(type);
            if (support == ConstraintSupport.NOT_SUPPORTED && !Boolean.FALSE.equals(c.get("warn_unsupported"))) {
                warnings.add(new Warning(NOT_SUPPORTED, "the " + type + " constraint of " + owners.get(i) + " is not supported on "
                        + adapter.type() + ": it is left out of the table (warn_unsupported: false silences this)"));
            }
            else if (support == ConstraintSupport.NOT_ENFORCED && !Boolean.FALSE.equals(c.get("warn_unenforced"))) {
                warnings.add(new Warning(NOT_ENFORCED, "the " + type + " constraint of " + owners.get(i) + " is not enforced on "
                        + adapter.type() + ": the table declares it, the engine does not check it (warn_unenforced: false silences this)"));
            }
        }
        return warnings;
    }
}
