package io.smelt.compiler.parse;

import io.smelt.compiler.diag.ErrorKind;
import io.smelt.compiler.diag.SmeltException;
import io.smelt.compiler.diag.SourcePosition;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@code {% snapshot name %} ... {% endsnapshot %}} blocks of a snapshot file. */
final class SnapshotBlocks {
    private static final Pattern TAG = Pattern.compile("\\{%-?\\s*(snapshot|endsnapshot)\\b\\s*([^%]*?)\\s*-?%}");
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /**
     * One block.
     *
     * @param body the text between the tags
     * @param line where the body starts (1-based)
     * @param column where the body starts on that line (1-based)
     * @param tagLine where the opening tag is
     */
    record Block(String name, String body, int line, int column, int tagLine, int tagColumn) {
    }

    private SnapshotBlocks() {
    }

    static List<Block> find(String text, Path file) {
        List<Block> blocks = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Matcher tag = TAG.matcher(text);
        int open = -1;
        String name = null;
        int bodyStart = -1;
        while (tag.find()) {
            boolean opening = tag.group(1).equals("snapshot");
            if (opening) {
                if (open >= 0) {
                    throw error(file, text, tag.start(), "a snapshot block starts inside snapshot '" + name + "'",
                            "close '" + name + "' with {% endsnapshot %} first");
                }
                name = tag.group(2);
                if (!NAME.matcher(name).matches()) {
                    throw error(file, text, tag.start(), "a snapshot block needs a name: {% snapshot orders_snapshot %}, found '"
                            + name + "'", "give the block a name made of letters, digits and underscores");
                }
                if (!names.add(name)) {
                    throw error(file, text, tag.start(), "the file defines snapshot '" + name + "' twice",
                            "rename one of the blocks");
                }
                open = tag.start();
                bodyStart = tag.end();
            }
            else {
                if (open < 0) {
                    throw error(file, text, tag.start(), "{% endsnapshot %} without a {% snapshot %} before it",
                            "remove it, or open the block with {% snapshot name %}");
                }
                int[] bodyAt = lineAndColumn(text, bodyStart);
                int[] tagAt = lineAndColumn(text, open);
                blocks.add(new Block(name, text.substring(bodyStart, tag.start()), bodyAt[0], bodyAt[1], tagAt[0], tagAt[1]));
                open = -1;
            }
        }
        if (open >= 0) {
            throw error(file, text, open, "snapshot '" + name + "' is not closed", "end the block with {% endsnapshot %}");
        }
        return blocks;
    }

    private static SmeltException error(Path file, String text, int offset, String message, String hint) {
        int[] at = lineAndColumn(text, offset);
        return new SmeltException(ErrorKind.PROJECT, new SourcePosition(file, at[0], at[1]), message, hint);
    }

    private static int[] lineAndColumn(String text, int offset) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new int[] {line, offset - lineStart + 1};
    }
}
