package io.smelt.adapter.trino;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Reads every {@code *.sql} file under {@code io/smelt/adapter/trino/macros/} from the module's
 * classes folder or jar (or the CLI's shaded jar), sorted by name.
 */
final class TrinoMacros {
    static final String FOLDER = "io/smelt/adapter/trino/macros/";
    // a file that is always there, to find the folder by
    private static final String ANCHOR = FOLDER + "adapters.sql";

    private TrinoMacros() {
    }

    static Map<String, String> load() {
        ClassLoader loader = TrinoMacros.class.getClassLoader();
        URL anchor = loader.getResource(ANCHOR);
        if (anchor == null) {
            throw new IllegalStateException("Trino macro resources are missing: " + ANCHOR);
        }
        Map<String, String> macros = new LinkedHashMap<>();
        for (String name : list(anchor)) {
            try (InputStream in = loader.getResourceAsStream(FOLDER + name)) {
                if (in != null) {
                    macros.put(FOLDER + name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
            catch (IOException e) {
                throw new UncheckedIOException("cannot read " + FOLDER + name, e);
            }
        }
        return macros;
    }

    private static List<String> list(URL anchor) {
        List<String> names = new ArrayList<>();
        try {
            if ("jar".equals(anchor.getProtocol())) {
                JarURLConnection connection = (JarURLConnection) anchor.openConnection();
                connection.setUseCaches(false);
                try (JarFile jar = connection.getJarFile()) {
                    Enumeration<JarEntry> entries = jar.entries();
                    while (entries.hasMoreElements()) {
                        String entry = entries.nextElement().getName();
                        if (entry.startsWith(FOLDER) && entry.endsWith(".sql") && entry.indexOf('/', FOLDER.length()) < 0) {
                            names.add(entry.substring(FOLDER.length()));
                        }
                    }
                }
            }
            else {
                try (Stream<Path> files = Files.list(Path.of(anchor.toURI()).getParent())) {
                    files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".sql")).forEach(names::add);
                }
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot list " + FOLDER, e);
        }
        catch (URISyntaxException e) {
            throw new IllegalStateException("cannot list " + FOLDER, e);
        }
        names.sort(null);
        return names;
    }
}
