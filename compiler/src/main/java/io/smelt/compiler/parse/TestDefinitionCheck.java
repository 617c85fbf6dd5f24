package io.smelt.compiler.parse;

import io.smelt.compiler.diag.Diagnostic;
import io.smelt.compiler.diag.ErrorKind;
import io.smelt.compiler.diag.SourcePosition;
import io.smelt.compiler.graph.MacroInfo;
import io.smelt.compiler.graph.NameSuggestions;
import io.smelt.compiler.graph.NodeConfig;
import io.smelt.compiler.jinja.JinjaEngine;
import io.smelt.compiler.jinja.MacroSignature;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a generic test's YAML against the macro that implements it and against the configs dbt
 * knows, so that a typo is reported at its schema.yml line before anything runs (dbt finds most of
 * these only when the test compiles, one at a time, pointing at the macro).
 */
final class TestDefinitionCheck {
    private static final Pattern COMPARISON = Pattern.compile("\\s*(==|=|!=|<>|>=|<=|>|<)\\s*\\S.*", Pattern.DOTALL);

    private final JinjaEngine engine;

    TestDefinitionCheck(JinjaEngine engine) {
        this.engine = engine;
    }

    /**
     * @param pkg the package whose properties file declares the test
     * @param namespace the package named in {@code dbt_utils.x}, or null
     * @param testName the test without its namespace
     * @param kwargs what the test macro will be called with (arguments, {@code column_name}, {@code model})
     * @param config the test's resolved config
     * @param what the tested resource, for messages: {@code column total_revenue of model user_metrics_daily}
     */
    List<Diagnostic> check(String pkg, String namespace, String testName, Map<String, Object> kwargs,
            Map<String, Object> config, SourcePosition at, String what) {
        List<Diagnostic> problems = new ArrayList<>();
        checkConfig(config, testName, at, problems);
        String qualified = namespace == null ? testName : namespace + "." + testName;
        MacroSignature signature = engine.signature(pkg, (namespace == null ? "" : namespace + ".") + "test_" + testName);
        if (signature == null) {
            problems.add(new Diagnostic(ErrorKind.PROJECT, at, "unknown test '" + qualified + "' on " + what,
                    unknownHint(pkg, namespace, testName)));
            return problems;
        }
        if (!signature.takesAnyKeyword()) {
            for (String key : kwargs.keySet()) {
                if (!signature.parameters().contains(key)) {
                    String message = key.equals("column_name")
                            ? "test '" + qualified + "' tests a whole model and takes no column, but it is listed under " + what
                            : "test '" + qualified + "' has no argument '" + key + "' (it takes " + takes(signature) + ")";
                    String hint = key.equals("column_name")
                            ? "list it under the model's data_tests: instead of a column's"
                            : NameSuggestions.hint(key, userParameters(signature));
                    problems.add(new Diagnostic(ErrorKind.PROJECT, at, message, hint));
                }
            }
        }
        return problems;
    }

    private static void checkConfig(Map<String, Object> config, String testName, SourcePosition at, List<Diagnostic> problems) {
        Object severity = config.get("severity");
        if (severity != null && !String.valueOf(severity).strip().toLowerCase(Locale.ROOT).matches("warn|error")) {
            problems.add(new Diagnostic(ErrorKind.PROJECT, at,
                    "test '" + testName + "' has severity '" + severity + "'; expected warn or error", null));
        }
        for (String key : List.of("warn_if", "error_if")) {
            Object condition = config.get(key);
            if (condition != null && !(condition instanceof String text && COMPARISON.matcher(text).matches())) {
                problems.add(new Diagnostic(ErrorKind.PROJECT, at, "test '" + testName + "' has " + key + " '" + condition
                        + "'; expected a comparison with the failure count", "quote it as dbt does: " + key + ": \">10\""));
            }
        }
        Object limit = config.get("limit");
        if (limit != null && !(limit instanceof Integer || limit instanceof Long)) {
            problems.add(new Diagnostic(ErrorKind.PROJECT, at,
                    "test '" + testName + "' has limit '" + limit + "'; expected a whole number of rows", null));
        }
        Object enabled = config.get("enabled");
        if (enabled != null && NodeConfig.flag(enabled) == null) {
            problems.add(new Diagnostic(ErrorKind.PROJECT, at,
                    "test '" + testName + "' has enabled '" + enabled + "'; expected true or false", null));
        }
    }

    private String unknownHint(String pkg, String namespace, String testName) {
        Set<String> packages = new LinkedHashSet<>();
        Set<String> tests = new LinkedHashSet<>();
        for (MacroInfo macro : engine.macros()) {
            packages.add(macro.packageName());
            if (macro.name().startsWith("test_") && (namespace == null || macro.packageName().equals(namespace))) {
                String name = macro.name().substring("test_".length());
                if (engine.signature(pkg, namespace == null ? macro.name() : namespace + "." + macro.name()) != null) {
                    tests.add(name);
                }
            }
        }
        if (namespace != null && !packages.contains(namespace)) {
            return "no package named '" + namespace + "' is installed; declare it in packages.yml and run smelt deps";
        }
        String close = NameSuggestions.hint(testName, tests);
        return close != null ? close
                : "a generic test is a {% test " + testName + "(model, column_name) %} block in macros/ or tests/generic/";
    }

    private static List<String> userParameters(MacroSignature signature) {
        return signature.parameters().stream().filter(p -> !p.equals("model")).toList();
    }

    private static String takes(MacroSignature signature) {
        List<String> params = userParameters(signature);
        return params.isEmpty() ? "no arguments" : String.join(", ", params);
    }
}
