package io.smelt.compiler.parse;

import io.smelt.compiler.diag.ErrorKind;
import io.smelt.compiler.diag.SmeltException;
import io.smelt.compiler.diag.SourcePosition;
import io.smelt.compiler.graph.DocBlock;
import io.smelt.compiler.graph.NameSuggestions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every package's {@code {% docs %}} blocks, and dbt's {@code doc()} lookup: {@code doc('name')} from
 * a package looks in the root project, then that package, then any package; {@code doc('pkg', 'name')}
 * only in {@code pkg}.
 */
public final class DocsBlocks {
    private static final Pattern BLOCK = Pattern.compile(
            "\\{%-?\\s*docs\\s+([A-Za-z_][A-Za-z0-9_]*)\\s*-?%}(.*?)\\{%-?\\s*enddocs\\s*-?%}", Pattern.DOTALL);

    private final String rootPackage;
    // package -> name -> block, packages in load order
    private final Map<String, Map<String, DocBlock>> byPackage = new LinkedHashMap<>();

    private DocsBlocks(String rootPackage) {
        this.rootPackage = rootPackage;
    }

    /**
     * Reads the blocks of every package's {@code .md} files; {@code render} renders a block's text
     * when it holds Jinja.
     *
     * @throws SmeltException (PROJECT) for a block name defined twice in one package
     */
    public static DocsBlocks read(String rootPackage, List<ProjectFiles> packages, UnaryOperator<String> render) {
        DocsBlocks docs = new DocsBlocks(rootPackage);
        for (ProjectFiles files : packages) {
            String pkg = files.project().name();
            Map<String, DocBlock> blocks = docs.byPackage.computeIfAbsent(pkg, p -> new LinkedHashMap<>());
            for (ProjectFiles.Found found : files.docs()) {
                String text = read(files.project().projectDir().resolve(found.path()));
                Matcher m = BLOCK.matcher(text);
                while (m.find()) {
                    String contents = m.group(2);
                    if (contents.contains("{{") || contents.contains("{%")) {
                        contents = render.apply(contents);
                    }
                    int line = lineOf(text, m.start());
                    DocBlock block = new DocBlock(pkg, m.group(1), found.path(), found.folder().relativize(found.path()),
                            contents.strip(), line);
                    DocBlock earlier = blocks.putIfAbsent(block.name(), block);
                    if (earlier != null) {
                        throw new SmeltException(ErrorKind.PROJECT, new SourcePosition(found.path(), line, 0),
                                "docs block '" + block.name() + "' is defined twice in package '" + pkg + "' (first at "
                                        + earlier.originalFilePath() + ":" + earlier.line() + ")",
                                "rename or remove one of them");
                    }
                }
            }
        }
        return docs;
    }

    public static DocsBlocks none(String rootPackage) {
        return new DocsBlocks(rootPackage);
    }

    /** Every block, packages in load order. */
    public List<DocBlock> all() {
        List<DocBlock> all = new ArrayList<>();
        byPackage.values().forEach(blocks -> all.addAll(blocks.values()));
        return all;
    }

    /**
     * {@code doc(...)} called from a description of package {@code callingPackage}.
     *
     * @throws SmeltException (PROJECT) when no such block exists, with the closest names
     */
    public String resolve(String callingPackage, String packageName, String name) {
        List<String> search = new ArrayList<>();
        if (packageName != null) {
            search.add(packageName);
        }
        else {
            search.add(rootPackage);
            search.add(callingPackage);
            search.addAll(byPackage.keySet());
        }
        for (String pkg : search) {
            DocBlock block = byPackage.getOrDefault(pkg, Map.of()).get(name);
            if (block != null) {
                return block.contents();
            }
        }
        List<String> known = new ArrayList<>();
        (packageName == null ? byPackage.keySet() : List.of(packageName))
                .forEach(pkg -> known.addAll(byPackage.getOrDefault(pkg, Map.of()).keySet()));
        String hint = NameSuggestions.hint(name, known);
        throw new SmeltException(ErrorKind.PROJECT, null, "doc '" + (packageName == null ? "" : packageName + ".") + name
                + "' was not found: no {% docs " + name + " %} block in the .md files of the docs paths"
                + (packageName == null ? "" : " of package '" + packageName + "'"),
                hint != null ? hint : "add {% docs " + name + " %}...{% enddocs %} to a .md file under the models folder");
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
