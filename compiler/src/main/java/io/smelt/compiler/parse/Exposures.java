package io.smelt.compiler.parse;

import io.smelt.compiler.diag.Diagnostic;
import io.smelt.compiler.diag.ErrorKind;
import io.smelt.compiler.diag.SmeltException;
import io.smelt.compiler.diag.SourcePosition;
import io.smelt.compiler.graph.Node;
import io.smelt.compiler.graph.NodeConfig;
import io.smelt.compiler.graph.RefCall;
import io.smelt.compiler.graph.ResourceType;
import io.smelt.compiler.graph.SourceCall;
import io.smelt.compiler.project.ConfigResolver;
import io.smelt.compiler.project.ExposureProperties;
import io.smelt.compiler.project.SchemaFile;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A package's exposures as nodes of kind EXPOSURE, as dbt's {@code Exposure}: {@code exposure.<pkg>.<name>},
 * the fqn of the properties file's folders, config from the project's {@code exposures:} tree and the entry's
 * {@code config:} (with its top-level meta and tags), and the {@code ref()}/{@code source()} calls of
 * {@code depends_on} for the linker to resolve. They are never run.
 */
public final class Exposures {
    private static final Pattern REF = Pattern.compile(
            "^\\s*(?:\\{\\{\\s*)?ref\\(\\s*['\"]([^'\"]+)['\"]\\s*(?:,\\s*['\"]([^'\"]+)['\"]\\s*)?"
                    + "(?:,\\s*v(?:ersion)?\\s*=\\s*['\"]?([^'\")\\s]+)['\"]?\\s*)?\\)\\s*(?:\\}\\}\\s*)?$");
    /** {@code metric('x')}: Smelt skips metrics, so such an entry adds no dependency. */
    private static final Pattern METRIC = Pattern.compile("^\\s*(?:\\{\\{\\s*)?metric\\(.*\\)\\s*(?:\\}\\}\\s*)?$");
    private static final Pattern SOURCE = Pattern.compile(
            "^\\s*(?:\\{\\{\\s*)?source\\(\\s*['\"]([^'\"]+)['\"]\\s*,\\s*['\"]([^'\"]+)['\"]\\s*\\)\\s*(?:\\}\\}\\s*)?$");

    private Exposures() {
    }

    /**
     * @throws SmeltException (PROJECT) for a {@code depends_on} entry that is neither a ref nor a source
     */
    public static List<Node> of(String pkg, List<SchemaFile> files, ConfigResolver rules) {
        List<Node> nodes = new ArrayList<>();
        List<Diagnostic> problems = new ArrayList<>();
        for (SchemaFile file : files) {
            for (ExposureProperties exposure : file.exposures()) {
                nodes.add(node(pkg, file.path(), exposure, rules, problems));
            }
        }
        if (!problems.isEmpty()) {
            throw new SmeltException(problems);
        }
        return nodes;
    }

    private static Node node(String pkg, Path file, ExposureProperties exposure, ConfigResolver rules,
            List<Diagnostic> problems) {
        List<String> fqn = new ArrayList<>();
        fqn.add(pkg);
        Path parent = file.getParent();
        if (parent != null && parent.getNameCount() > 1) {
            parent.subpath(1, parent.getNameCount()).forEach(part -> fqn.add(part.toString()));
        }
        fqn.add(exposure.name());
        List<RefCall> refs = new ArrayList<>();
        List<SourceCall> sources = new ArrayList<>();
        for (int i = 0; i < exposure.dependsOn().size(); i++) {
            String entry = exposure.dependsOn().get(i);
            SourcePosition at = exposure.dependsOnAt().get(i);
            Matcher ref = REF.matcher(entry);
            Matcher source = SOURCE.matcher(entry);
            if (ref.matches()) {
                refs.add(ref.group(2) == null ? new RefCall(null, ref.group(1), ref.group(3), at.line())
                        : new RefCall(ref.group(1), ref.group(2), ref.group(3), at.line()));
            }
            else if (source.matches()) {
                sources.add(new SourceCall(source.group(1), source.group(2), at.line()));
            }
            else if (!METRIC.matcher(entry).matches()) {
                problems.add(new Diagnostic(ErrorKind.PROJECT, at, "depends_on of exposure '" + exposure.name()
                        + "' has '" + entry + "'; expected ref('model'), source('source', 'table') or metric('name')", null));
            }
        }
        Map<String, Object> written = PackageProperties.withMetaAndTags(exposure.config(), exposure.meta(), exposure.tags());
        Map<String, Object> config = rules.resolve("exposures", pkg, fqn, written, null);
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("type", exposure.type());
        extra.put("owner", exposure.owner());
        extra.put("label", exposure.label());
        extra.put("maturity", exposure.maturity());
        extra.put("url", exposure.url());
        return new Node("exposure." + pkg + "." + exposure.name(), ResourceType.EXPOSURE, pkg, exposure.name(), file, null,
                fqn, "", new NodeConfig(config), exposure.description(), null, refs, sources, null, null, null, null, null,
                null, exposure.at(), null, null, extra);
    }
}
