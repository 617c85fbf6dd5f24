package io.smelt.compiler.state;

import java.nio.file.Path;

/**
 * The comparison flags of a command, as dbt spells them.
 *
 * @param stateDir {@code --state}: the artifacts of the run that {@code state:}, {@code result:} and
 *     {@code source_status:} compare with, and that {@code --defer} reads unless {@code --defer-state} is given; or null
 * @param deferStateDir {@code --defer-state}: the artifacts {@code --defer} reads instead, or null
 * @param defer {@code --defer}: a ref to a node that is not selected and not built in this target reads the
 *     state's relation
 * @param favorState {@code --favor-state}: with {@code --defer}, read the state's relation even when this
 *     target has one
 */
public record StateOptions(Path stateDir, Path deferStateDir, boolean defer, boolean favorState) {
    public static final StateOptions NONE = new StateOptions(null, null, false, false);

    /** The folder {@code --defer} reads: {@code --defer-state}, else {@code --state}; null when neither is given. */
    public Path deferDir() {
        return deferStateDir != null ? deferStateDir : stateDir;
    }
}
