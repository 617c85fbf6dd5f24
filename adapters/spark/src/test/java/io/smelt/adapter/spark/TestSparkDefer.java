package io.smelt.adapter.spark;

import io.smelt.adapter.RelationType;
import io.smelt.adapter.testing.BaseDeferContractTest;
import io.smelt.compiler.workspace.Workspace;

import static org.assertj.core.api.Assertions.assertThat;

/** On Spark, clone makes a Delta shallow clone of each production table. */
class TestSparkDefer extends BaseDeferContractTest {
    @Override
    protected RelationType clonedTableKind() {
        return RelationType.TABLE;
    }

    @Override
    protected void assertClonedTable(Workspace workspace, String relationName) {
        assertThat(column(workspace, "describe detail " + relationName, "format")).containsExactly("delta");
        assertThat(column(workspace, "describe history " + relationName, "operation")).contains("CLONE");
    }
}
