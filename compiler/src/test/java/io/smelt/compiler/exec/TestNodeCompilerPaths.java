package io.smelt.compiler.exec;

import io.smelt.compiler.graph.Node;
import io.smelt.compiler.graph.TestingNodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class TestNodeCompilerPaths {
    @TempDir
    Path root;

    @Test
    void snapshotsThatShareAFileGetAFileEachAndAnOldFileInTheWayGivesWay() throws Exception {
        Node first = TestingNodes.snapshot("orders_history").pkg("pkg").file("snapshots/orders.sql").build();
        Node second = TestingNodes.snapshot("orders_check").pkg("pkg").file("snapshots/orders.sql").build();
        Node own = TestingNodes.snapshot("orders").pkg("pkg").file("snapshots/orders.sql").build();
        // an older layout wrote the file's SQL at the place the folder now takes
        Files.createDirectories(root.resolve("pkg/snapshots"));
        Files.writeString(root.resolve("pkg/snapshots/orders.sql"), "old");

        Path a = NodeCompiler.write(root, first, "select 1");
        Path b = NodeCompiler.write(root, second, "select 2");

        assertThat(a).isEqualTo(root.resolve("pkg/snapshots/orders.sql/orders_history.sql"));
        assertThat(b).isEqualTo(root.resolve("pkg/snapshots/orders.sql/orders_check.sql"));
        assertThat(Files.readString(a)).isEqualTo("select 1\n");
        assertThat(Files.readString(b)).isEqualTo("select 2\n");
        assertThat(NodeCompiler.path(root, own)).as("a snapshot named like its file keeps the file's path")
                .isEqualTo(root.resolve("pkg/snapshots/orders.sql"));
    }
}
