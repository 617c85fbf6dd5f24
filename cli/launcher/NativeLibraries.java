import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Run by the ./smelt launcher after a build (java NativeLibraries.java LIB_DIR NATIVE_DIR): takes
 * DuckDB's JNI library for this machine out of its driver jar into NATIVE_DIR, once, and leaves the
 * jar without its four native libraries. The driver unpacks its 70 MB library into a temporary file
 * on every start when the jar holds it (about a second per command); without it, the driver loads the
 * one on java.library.path, which the launcher points at NATIVE_DIR.
 */
public final class NativeLibraries {
    private static final String PREFIX = "libduckdb_java.so_";

    public static void main(String[] args) throws IOException {
        Path lib = Path.of(args[0]);
        Path nativeDir = Path.of(args[1]);
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(lib, "duckdb_jdbc*.jar")) {
            for (Path jar : jars) {
                prepare(jar, nativeDir);
            }
        }
    }

    private static void prepare(Path jar, Path nativeDir) throws IOException {
        String mine = PREFIX + os() + "_" + arch();
        Path library = nativeDir.resolve(System.mapLibraryName("duckdb_java"));
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            ZipEntry entry = zip.getEntry(mine);
            if (entry == null) {
                return;
            }
            Files.createDirectories(nativeDir);
            Path unpacked = Files.createTempFile(nativeDir, "duckdb", ".tmp");
            try (InputStream in = zip.getInputStream(entry)) {
                Files.copy(in, unpacked, StandardCopyOption.REPLACE_EXISTING);
            }
            Files.move(unpacked, library, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Path stripped = Files.createTempFile(jar.getParent(), "duckdb", ".tmp");
            try (OutputStream file = Files.newOutputStream(stripped); ZipOutputStream out = new ZipOutputStream(file)) {
                for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
                    ZipEntry e = entries.nextElement();
                    if (e.getName().startsWith(PREFIX)) {
                        continue;
                    }
                    out.putNextEntry(new ZipEntry(e.getName()));
                    try (InputStream in = zip.getInputStream(e)) {
                        in.transferTo(out);
                    }
                    out.closeEntry();
                }
            }
            Files.move(stripped, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        // temporary files are private to their owner; the jar and the library were readable by all
        readableByAll(library);
        readableByAll(jar);
    }

    private static void readableByAll(Path file) {
        try {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        }
        catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system: its own defaults apply
        }
    }

    /** As the driver names its libraries: linux, macos, windows. */
    private static String os() {
        String name = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        return name.contains("win") ? "windows" : name.contains("mac") ? "macos" : "linux";
    }

    private static String arch() {
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        return arch.equals("x86_64") || arch.equals("amd64") ? "amd64" : arch.equals("aarch64") || arch.equals("arm64") ? "arm64" : arch;
    }
}
