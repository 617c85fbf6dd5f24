package io.smelt.adapter.jdbc;

import io.smelt.adapter.Adapter;

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

import static java.util.Objects.requireNonNull;

/**
 * The macro files an engine module ships: every {@code *.sql} resource directly under {@code
 * <package path>/macros/} of an adapter class, read from the module's classes folder or jar (or a
 * shaded jar holding it). Suits {@link Adapter#macroResources()}.
 */
public final class MacroResources {
    private MacroResources() {
    }

    /**
     * Reads the macro files of {@code adapterClass}'s package, sorted by file name and keyed by their
     * resource path (such as {@code io/smelt/adapter/duckdb/macros/adapters.sql}).
     *
     * @param adapterClass a class of the engine module, whose package holds the {@code macros} folder
     * @param anchor a file name that is always in the folder (such as {@code adapters.sql}), by which
     *     the folder is found
     * @param engineName the engine's name for the message when the files are missing
     * @throws IllegalStateException if the anchor file is missing
     * @throws UncheckedIOException if the folder cannot be listed or a file cannot be read
     */
    public static Map<String, String> load(Class<?> adapterClass, String anchor, String engineName) {
        String folder = folder(adapterClass);
        ClassLoader loader = adapterClass.getClassLoader();
        URL anchorUrl = loader.getResource(folder + anchor);
        if (anchorUrl == null) {
            throw new IllegalStateException(engineName + " macro resources are missing: " + folder + anchor);
        }
        Map<String, String> macros = new LinkedHashMap<>();
        for (String name : list(anchorUrl, folder)) {
            try (InputStream in = loader.getResourceAsStream(folder + name)) {
                if (in != null) {
                    macros.put(folder + name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
            catch (IOException e) {
                throw new UncheckedIOException("cannot read " + folder + name, e);
            }
        }
        return macros;
    }

    /** The resource folder of {@code adapterClass}'s macros, such as {@code io/smelt/adapter/duckdb/macros/}. */
    public static String folder(Class<?> adapterClass) {
        requireNonNull(adapterClass, "adapterClass is null");
        return adapterClass.getPackageName().replace('.', '/') + "/macros/";
    }

    private static List<String> list(URL anchor, String folder) {
        List<String> names = new ArrayList<>();
        try {
            if ("jar".equals(anchor.getProtocol())) {
                JarURLConnection connection = (JarURLConnection) anchor.openConnection();
                connection.setUseCaches(false);
                try (JarFile jar = connection.getJarFile()) {
                    Enumeration<JarEntry> entries = jar.entries();
                    while (entries.hasMoreElements()) {
                        String entry = entries.nextElement().getName();
                        if (entry.startsWith(folder) && entry.endsWith(".sql") && entry.indexOf('/', folder.length()) < 0) {
                            names.add(entry.substring(folder.length()));
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
            throw new UncheckedIOException("cannot list " + folder, e);
        }
        catch (URISyntaxException e) {
            throw new IllegalStateException("cannot list " + folder, e);
        }
        names.sort(null);
        return names;
    }
}
