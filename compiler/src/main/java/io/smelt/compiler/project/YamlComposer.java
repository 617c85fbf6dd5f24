package io.smelt.compiler.project;

import io.smelt.compiler.diag.ErrorKind;
import io.smelt.compiler.diag.SmeltException;
import io.smelt.compiler.diag.SourcePosition;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.reader.ReaderException;

import java.io.StringReader;
import java.nio.file.Path;

/**
 * Parses YAML text into snakeyaml's node tree, which keeps every value's position, with limits as
 * loose as PyYAML's; a syntax error becomes a YAML diagnostic ({@link YamlSyntaxErrors}).
 */
final class YamlComposer {
    private static final int MAX_FILE_CODE_POINTS = 64 * 1024 * 1024;
    // PyYAML, which dbt uses, has no limit; snakeyaml's default of 50 rejects real properties files
    // that reuse an anchored column list or test block on every model.
    private static final int MAX_ALIASES = 100_000;

    private YamlComposer() {
    }

    /** The document's root node, or null when the file holds no document. */
    static Node compose(Path file, String text) {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(MAX_FILE_CODE_POINTS);
        options.setMergeOnCompose(true);
        options.setMaxAliasesForCollections(MAX_ALIASES);
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        try {
            return new Yaml(options).compose(new StringReader(body));
        }
        catch (MarkedYAMLException e) {
            throw YamlSyntaxErrors.syntaxError(file, e, body);
        }
        catch (ReaderException e) {
            throw YamlSyntaxErrors.badCharacter(file, e, body);
        }
        catch (YAMLException e) {
            throw new SmeltException(ErrorKind.YAML, SourcePosition.of(file), "invalid YAML: " + e.getMessage(), null, e);
        }
    }
}
