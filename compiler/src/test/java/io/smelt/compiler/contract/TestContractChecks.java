package io.smelt.compiler.contract;

import io.smelt.compiler.diag.Diagnostic;
import io.smelt.compiler.diag.ErrorKind;
import io.smelt.compiler.diag.SmeltException;
import io.smelt.compiler.diag.SourcePosition;
import io.smelt.compiler.graph.ColumnInfo;
import io.smelt.compiler.graph.Node;
import io.smelt.compiler.graph.TestingNodes;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class TestContractChecks {
    private static final SourcePosition ENTRY = new SourcePosition(Path.of("models/schema.yml"), 4, 5);
    private static final SourcePosition AMOUNT = new SourcePosition(Path.of("models/schema.yml"), 12, 9);
    private static final Map<String, Object> ENFORCED = Map.of("enforced", true);

    private static ColumnInfo column(String name, String type, SourcePosition at, Map<String, Object>... constraints) {
        return new ColumnInfo(name, "", type, Map.of(), List.of(), List.of(constraints), null, at);
    }

    private static Diagnostic failure(Node node) {
        SmeltException e = catchThrowableOfType(SmeltException.class, () -> ContractChecks.check(node, ENTRY));
        assertThat(e).as("refused").isNotNull();
        assertThat(e.first().kind()).isEqualTo(ErrorKind.PROJECT);
        return e.first();
    }

    @Test
    void anEnforcedContractWithTypedColumnsIsAccepted() {
        Node node = TestingNodes.model("orders").config("materialized", "table").config("contract", ENFORCED)
                .columns(column("id", "int", null, Map.of("type", "primary_key")), column("amount", "decimal(10,2)", AMOUNT)).build();
        assertThatCode(() -> ContractChecks.check(node, ENTRY)).doesNotThrowAnyException();
        assertThat(ModelContract.of(node).declared()).extracting(c -> c.name() + " " + c.dataType())
                .containsExactly("id int", "amount decimal(10,2)");
    }

    @Test
    void aColumnWithoutDataTypeIsRefusedAtItsLine() {
        Diagnostic error = failure(TestingNodes.model("orders").config("contract", ENFORCED)
                .columns(column("id", "int", null), column("amount", null, AMOUNT)).build());
        assertThat(error.at()).isEqualTo(AMOUNT);
        assertThat(error.message()).isEqualTo("column 'amount' of model 'orders' has no data_type, which its enforced contract needs");
        assertThat(error.hint()).contains("data_type");
    }

    @Test
    void anEphemeralModelOrOneWithoutColumnsIsRefusedAtItsEntry() {
        Diagnostic ephemeral = failure(TestingNodes.model("orders").config("materialized", "ephemeral").config("contract", ENFORCED)
                .columns(column("id", "int", null)).build());
        assertThat(ephemeral.at()).isEqualTo(ENTRY);
        assertThat(ephemeral.message()).contains("model 'orders' is ephemeral and has an enforced contract");
        Diagnostic noColumns = failure(TestingNodes.model("orders").config("contract", ENFORCED).build());
        assertThat(noColumns.message()).isEqualTo("model 'orders' has an enforced contract but declares no columns");
    }

    @Test
    void primaryKeysOnSeveralColumnsAreRefusedAsDbtDoes() {
        Diagnostic error = failure(TestingNodes.model("orders").config("contract", ENFORCED)
                .columns(column("a", "int", null, Map.of("type", "primary_key")), column("b", "int", null, Map.of("type", "primary_key")))
                .build());
        assertThat(error.message()).contains("primary key constraints on 2 columns (a, b)");
        assertThat(error.hint()).contains("columns: [a, b]");
    }

    @Test
    void aContractNotEnforcedIsNotChecked() {
        Node node = TestingNodes.model("orders").config("materialized", "ephemeral").config("contract", Map.of("enforced", false))
                .columns(column("id", null, null)).build();
        assertThatCode(() -> ContractChecks.check(node, ENTRY)).doesNotThrowAnyException();
        assertThat(ModelContract.enforced(node)).isFalse();
    }
}
