package io.smelt.compiler.project;

import io.smelt.compiler.diag.ErrorKind;
import io.smelt.compiler.diag.SmeltException;
import io.smelt.compiler.diag.SourcePosition;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads a project's text files as UTF-8, with errors that name the file (and the line of a bad byte). */
public final class TextFiles {
    private TextFiles() {
    }

    /**
     * @param file the file to read
     * @param display how messages name it (relative to the project, usually)
     * @throws SmeltException (PROJECT) when it cannot be read or is not valid UTF-8
     */
    public static String read(Path file, Path display) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        }
        catch (IOException e) {
            if (Files.isDirectory(file)) {
                throw new SmeltException(ErrorKind.PROJECT, SourcePosition.of(display), "cannot read the file: it is a folder", null, e);
            }
            throw unreadable(file, display, e);
        }
        return decode(bytes, display);
    }

    /** {@code bytes} as UTF-8 text; an invalid byte sequence is an error at its line and column (1-based). */
    public static String decode(byte[] bytes, Path display) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int bad = in.position();
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < bad; i++) {
                if (bytes[i] == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            int column = new String(bytes, lineStart, bad - lineStart, StandardCharsets.UTF_8).length() + 1;
            throw new SmeltException(ErrorKind.PROJECT, new SourcePosition(display, line, column),
                    String.format("the file is not valid UTF-8 (byte 0x%02X)", bytes[bad] & 0xff),
                    "save the file as UTF-8 (it looks like another encoding, such as Latin-1 or Windows-1252)");
        }
        decoder.flush(out);
        out.flip();
        return out.toString();
    }

    /** A file or folder that could not be read or listed, named as {@code display}, with the reason in words. */
    public static SmeltException unreadable(Path file, Path display, IOException e) {
        String reason = e instanceof AccessDeniedException ? "permission denied"
                : e instanceof NoSuchFileException ? "it does not exist"
                : e instanceof FileSystemException fse && fse.getReason() != null ? fse.getReason() : e.getMessage();
        String what = Files.isDirectory(file) ? "the folder" : "the file";
        return new SmeltException(ErrorKind.PROJECT, SourcePosition.of(display), "cannot read " + what + ": " + reason,
                e instanceof AccessDeniedException ? "check its permissions (the user running Smelt must be able to read it)" : null, e);
    }
}
