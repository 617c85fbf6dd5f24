package io.smelt.compiler.graph;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * This Smelt's build, for the keys of what it caches between runs: a rebuilt or upgraded compiler may parse
 * or analyse differently, so the compiler jar's version, size and time are part of every cache key.
 */
public final class SmeltBuild {
    private static final String ID = read();

    private SmeltBuild() {
    }

    public static String id() {
        return ID;
    }

    private static String read() {
        try {
            Path jar = Path.of(SmeltBuild.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Objects.toString(SmeltBuild.class.getPackage().getImplementationVersion()) + "/" + Files.size(jar) + "/"
                    + Files.getLastModifiedTime(jar).toMillis();
        }
        catch (Exception e) {
            return "unknown";
        }
    }
}
