package io.smelt.compiler.workspace;

import io.smelt.compiler.project.ProjectOptions;
import io.smelt.compiler.state.StateOptions;

import java.util.LinkedHashMap;
import java.util.Map;

/** The flags that shaped a load and its state, under dbt's names, for run_results.json's {@code args}. */
final class RecordedArgs {
    private RecordedArgs() {
    }

    static Map<String, Object> of(ProjectOptions options, Map<String, Object> cliVars, StateOptions state) {
        Map<String, Object> args = new LinkedHashMap<>();
        if (options.profile() != null) {
            args.put("profile", options.profile());
        }
        if (options.target() != null) {
            args.put("target", options.target());
        }
        if (options.threads() != null) {
            args.put("threads", options.threads());
        }
        if (!cliVars.isEmpty()) {
            args.put("vars", cliVars);
        }
        if (state.stateDir() != null) {
            args.put("state", state.stateDir().toString());
        }
        if (state.defer()) {
            args.put("defer", true);
        }
        if (state.deferStateDir() != null) {
            args.put("defer_state", state.deferStateDir().toString());
        }
        if (state.favorState()) {
            args.put("favor_state", true);
        }
        return args;
    }
}
