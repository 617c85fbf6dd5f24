package io.smelt.adapter.testing;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Enumeration;
import java.util.Set;

/**
 * Unpacks the tar.gz and zip archives Trino publishes. Both have one top-level folder
 * ({@code trino-server-core-476/}), which is dropped.
 */
final class ArchiveUnpacker {
    private ArchiveUnpacker() {
    }

    static void untarGz(Path archive, Path target)
            throws IOException {
        Files.createDirectories(target);
        try (InputStream file = new BufferedInputStream(Files.newInputStream(archive), 1 << 16);
                TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(file))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path path = resolve(target, entry.getName());
                if (path == null) {
                    continue;
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                }
                else if (entry.isSymbolicLink()) {
                    Files.createDirectories(path.getParent());
                    Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
                }
                else if (entry.isLink()) {
                    // The server tarball stores each jar shared by lib/ and a bundled plugin once, as hard links
                    Path existing = resolve(target, entry.getLinkName());
                    if (existing == null) {
                        throw new IOException("hard link outside the archive root: " + entry.getName() + " -> " + entry.getLinkName());
                    }
                    Files.createDirectories(path.getParent());
                    link(existing, path);
                }
                else if (entry.isFile()) {
                    Files.createDirectories(path.getParent());
                    Files.copy(tar, path, StandardCopyOption.REPLACE_EXISTING);
                    setMode(path, entry.getMode());
                }
            }
        }
    }

    static void unzip(Path archive, Path target)
            throws IOException {
        Files.createDirectories(target);
        try (ZipFile zip = ZipFile.builder().setPath(archive).get()) {
            Enumeration<ZipArchiveEntry> entries = zip.getEntries();
            while (entries.hasMoreElements()) {
                ZipArchiveEntry entry = entries.nextElement();
                Path path = resolve(target, entry.getName());
                if (path == null) {
                    continue;
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                    continue;
                }
                Files.createDirectories(path.getParent());
                try (InputStream in = zip.getInputStream(entry)) {
                    Files.copy(in, path, StandardCopyOption.REPLACE_EXISTING);
                }
                setMode(path, entry.getUnixMode());
            }
        }
    }

    /** The entry's path under {@code target} without its top-level folder; null for that folder itself. */
    private static Path resolve(Path target, String entryName) throws IOException {
        String name = entryName.startsWith("./") ? entryName.substring(2) : entryName;
        int slash = name.indexOf('/');
        if (slash < 0 || slash == name.length() - 1) {
            return null;
        }
        Path path = target.resolve(name.substring(slash + 1)).normalize();
        if (!path.startsWith(target)) {
            throw new IOException("archive entry outside the archive root: " + entryName);
        }
        return path;
    }

    private static void link(Path existing, Path link)
            throws IOException {
        try {
            Files.createLink(link, existing);
        }
        catch (UnsupportedOperationException | FileSystemException e) {
            Files.copy(existing, link, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void setMode(Path path, int mode)
            throws IOException {
        // zip entries made off Unix carry no mode; the defaults of the file system are fine for them
        if ((mode & 0777) == 0 || !path.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] bits = {
                PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
                PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
                PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ};
        for (int bit = 0; bit < bits.length; bit++) {
            if ((mode & (1 << bit)) != 0) {
                permissions.add(bits[bit]);
            }
        }
        permissions.add(PosixFilePermission.OWNER_READ);
        permissions.add(PosixFilePermission.OWNER_WRITE);
        Files.setPosixFilePermissions(path, permissions);
    }
}
