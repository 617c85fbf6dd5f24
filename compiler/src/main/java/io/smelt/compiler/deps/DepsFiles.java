package io.smelt.compiler.deps;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** File work for installing packages: deleting without following links, copying, unpacking tar.gz archives. */
final class DepsFiles {
    private DepsFiles() {
    }

    /** Deletes a file, a link (not what it points to) or a folder tree; nothing when absent. */
    static void delete(Path path) throws IOException {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (Files.isSymbolicLink(path) || !Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            Files.delete(path);
            return;
        }
        Files.walkFileTree(path, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** Moves a folder; copies it where a move cannot cross file systems. */
    static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to);
        }
        catch (IOException e) {
            copyTree(from, to);
        }
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                }
                else {
                    Files.copy(path, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    /**
     * Unpacks a tar.gz into {@code into} and returns the folder its entries share (GitHub's archives
     * hold one, {@code repo-1.2.0/}), or {@code into} itself when they share none.
     */
    static Path untar(Path archive, Path into) throws IOException {
        Files.createDirectories(into);
        Path base = into.toAbsolutePath().normalize();
        List<String> tops = new ArrayList<>();
        try (InputStream file = Files.newInputStream(archive);
                TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(new BufferedInputStream(file)))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path target = base.resolve(entry.getName()).normalize();
                if (!target.startsWith(base) || target.equals(base)) {
                    if (target.equals(base)) {
                        continue;
                    }
                    throw new IOException("the archive entry " + entry.getName() + " points outside the folder it unpacks into");
                }
                String top = base.relativize(target).getName(0).toString();
                if (!tops.contains(top) && !entry.getName().startsWith("pax_global_header")) {
                    tops.add(top);
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                }
                else if (entry.isFile()) {
                    Files.createDirectories(target.getParent());
                    Files.copy(tar, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        if (tops.size() == 1 && Files.isDirectory(base.resolve(tops.get(0)))) {
            return base.resolve(tops.get(0));
        }
        return base;
    }
}
