package io.smelt.compiler.docs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.smelt.compiler.diag.ErrorKind;
import io.smelt.compiler.diag.SmeltException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The static docs site: {@code index.html}, its stylesheet and script (ours, as resources; nothing is
 * fetched from the network) and the data read from {@code manifest.json} and, when it is there,
 * {@code catalog.json}. The data is an index the first page needs and chunks each page loads with a
 * script tag (which a page opened from file:// may do, where fetch may not); a single-file site
 * ({@code --static}) holds it all inline.
 */
public final class DocsSite {
    public static final String DATA_DIR = "smelt-docs";
    private static final List<String> SCRIPTS = List.of("markdown.js", "select.js", "graph.js", "list.js", "page.js", "columns.js", "app.js");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** What was written: the page to open, the bytes of the site in all, and how many nodes it lists. */
    public record Written(Path index, long bytes, int nodes) {
    }

    private DocsSite() {
    }

    /**
     * Writes the site into {@code targetDir} from the manifest.json there.
     *
     * @param singleFile one self-contained index.html (dbt's {@code --static})
     * @param analysedTypes each model's columns and their types as the SQL analysis inferred them, by unique id
     */
    public static Written write(Path targetDir, boolean singleFile, Map<String, Map<String, String>> analysedTypes) {
        Path manifestFile = targetDir.resolve("manifest.json");
        Path catalogFile = targetDir.resolve("catalog.json");
        try {
            if (!Files.isRegularFile(manifestFile)) {
                throw new SmeltException(ErrorKind.COMMAND_LINE, null, "no manifest.json in " + targetDir,
                        "run smelt docs generate without --no-compile, or smelt parse, first");
            }
            JsonNode manifest = MAPPER.readTree(manifestFile.toFile());
            JsonNode catalog = Files.isRegularFile(catalogFile) ? MAPPER.readTree(catalogFile.toFile()) : null;
            DocsData.Site site = DocsData.of(manifest, catalog, analysedTypes);
            Path data = targetDir.resolve(DATA_DIR);
            delete(data);
            Path index = targetDir.resolve("index.html");
            String page = resource("index.html");
            if (singleFile) {
                StringBuilder scripts = new StringBuilder();
                scripts.append(inline(script("SMELT_DOCS=" + json(site.index()))));
                for (int i = 0; i < site.chunks().size(); i++) {
                    scripts.append(inline(chunk(i, site.chunks().get(i))));
                }
                scripts.append(inline(scriptText()));
                page = page.replace("<!--STYLE-->", "<style>" + resource("docs.css") + "</style>")
                        .replace("<!--SCRIPTS-->", scripts.toString());
                Files.writeString(index, page);
                return new Written(index, Files.size(index), site.index().path("nodes").size());
            }
            Files.createDirectories(data);
            write(data.resolve("docs.css"), resource("docs.css"));
            write(data.resolve("docs.js"), scriptText());
            write(data.resolve("index.js"), script("SMELT_DOCS=" + json(site.index())));
            for (int i = 0; i < site.chunks().size(); i++) {
                write(data.resolve("chunk-" + i + ".js"), chunk(i, site.chunks().get(i)));
            }
            page = page.replace("<!--STYLE-->", "<link rel=\"stylesheet\" href=\"" + DATA_DIR + "/docs.css\">")
                    .replace("<!--SCRIPTS-->", "<script src=\"" + DATA_DIR + "/index.js\"></script>\n<script src=\""
                            + DATA_DIR + "/docs.js\"></script>");
            Files.writeString(index, page);
            long bytes = Files.size(index);
            try (Stream<Path> files = Files.list(data)) {
                for (Path file : files.toList()) {
                    bytes += Files.size(file);
                }
            }
            return new Written(index, bytes, site.index().path("nodes").size());
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot write the docs site in " + targetDir + ": " + e.getMessage(), e);
        }
    }

    private static String chunk(int number, ArrayNode chunk) {
        return "smeltDocsChunk(" + number + "," + json(chunk) + ");\n";
    }

    /** The index, and where the chunks put themselves, which the pages read once they are loaded. */
    private static String script(String assignment) {
        return "window." + assignment + ";\nwindow.SMELT_CHUNKS={};function smeltDocsChunk(n,d){SMELT_CHUNKS[n]=d;}\n";
    }

    private static String inline(String script) {
        return "<script>" + script + "</script>\n";
    }

    /** JSON that is also safe inside a script element: "</" cannot close it. */
    private static String json(JsonNode value) {
        try {
            return MAPPER.writeValueAsString(value).replace("</", "<\\/");
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String scriptText() throws IOException {
        StringBuilder all = new StringBuilder("\"use strict\";\n");
        for (String script : SCRIPTS) {
            all.append(resource(script)).append('\n');
        }
        return all.toString();
    }

    static String resource(String name) throws IOException {
        try (InputStream in = DocsSite.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the docs site's " + name + " is missing from the compiler's jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void write(Path file, String text) throws IOException {
        Files.writeString(file, text);
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
