package io.smelt.compiler.project;

import io.smelt.compiler.diag.Diagnostic;
import io.smelt.compiler.diag.SmeltException;
import io.smelt.compiler.diag.SourcePosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class TestTextFiles {
    @TempDir
    Path dir;

    @Test
    void readsUtf8() throws IOException {
        Path file = dir.resolve("m.sql");
        Files.writeString(file, "select 'café' as x\n");

        assertThat(TextFiles.read(file, Path.of("m.sql"))).isEqualTo("select 'café' as x\n");
    }

    @Test
    void aBadByteIsReportedAtItsLineAndColumn() {
        byte[] bytes = {'a', '\n', 'b', (byte) 0xff, '\n'};

        Diagnostic error = catchThrowableOfType(SmeltException.class, () -> TextFiles.decode(bytes, Path.of("x.sql"))).first();

        assertThat(error.at()).isEqualTo(new SourcePosition(Path.of("x.sql"), 2, 2));
        assertThat(error.message()).isEqualTo("the file is not valid UTF-8 (byte 0xFF)");
    }

    @Test
    void aFolderIsNotAFile() {
        Diagnostic error = catchThrowableOfType(SmeltException.class, () -> TextFiles.read(dir, Path.of("models/x.sql"))).first();

        assertThat(error.message()).isEqualTo("cannot read the file: it is a folder");
    }

    // Tests run as root, for whom permissions do not apply: the exception a denied read throws is given directly.
    @Test
    void permissionDeniedSaysSo() {
        SmeltException error = TextFiles.unreadable(dir.resolve("m.sql"), Path.of("models/m.sql"),
                new AccessDeniedException(dir.resolve("m.sql").toString()));

        assertThat(error.first().message()).isEqualTo("cannot read the file: permission denied");
        assertThat(error.first().at().file()).isEqualTo(Path.of("models/m.sql"));
        assertThat(error.first().hint()).contains("permissions");

        SmeltException folder = TextFiles.unreadable(dir, Path.of("models/private"), new AccessDeniedException(dir.toString()));
        assertThat(folder.first().message()).isEqualTo("cannot read the folder: permission denied");
    }
}
