package io.smelt.compiler.project;

import io.smelt.compiler.diag.SourcePosition;

/**
 * Renders the Jinja inside one YAML string value, as dbt does for dbt_project.yml, profiles.yml
 * and properties files ({@code env_var()}, {@code var()}). Loaders call it only for values that
 * contain {@code {{} or {@code {%}.
 */
@FunctionalInterface
public interface YamlRenderer {
    /** Leaves every value as written; for callers that have no Jinja engine yet. */
    YamlRenderer NONE = (text, at) -> text;

    /**
     * @param text the value as written in the file
     * @param at where the value starts (1-based line and column)
     * @return the rendered text
     * @throws io.smelt.compiler.diag.SmeltException when the template is wrong or a variable is missing
     */
    String render(String text, SourcePosition at);

    /**
     * Renders as dbt's native renderer does: a value that is one {@code {{ expression }}} gives the
     * expression's value ({@code "{{ target.type != 'x' }}"} is a boolean), anything else its text.
     */
    default Object renderNative(String text, SourcePosition at) {
        return render(text, at);
    }

    static boolean isTemplate(String text) {
        return text.contains("{{") || text.contains("{%");
    }
}
