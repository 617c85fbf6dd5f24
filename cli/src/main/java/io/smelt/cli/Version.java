package io.smelt.cli;

import picocli.CommandLine.IVersionProvider;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Smelt's version, from a resource Maven fills in. */
public final class Version implements IVersionProvider {
    private static final String VERSION = load();

    /** The release this build leads up to ({@code 0.1.0} for {@code 0.1.0-SNAPSHOT}), as dbt prints its own. */
    public static String current() {
        return VERSION.replace("-SNAPSHOT", "");
    }

    /** The exact build version, snapshot qualifier included. */
    public static String full() {
        return VERSION;
    }

    @Override
    public String[] getVersion() {
        return new String[] {
                "smelt " + full(),
                "java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
    }

    private static String load() {
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("version", "unknown");
            // unfiltered when run from an IDE's own build; picocli would try to expand the placeholder
            return version.contains("${") ? "unknown" : version;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
