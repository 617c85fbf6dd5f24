package io.smelt.compiler.contract;

import io.smelt.adapter.Column;
import io.smelt.compiler.contract.ContractComparison.Breach;
import io.smelt.compiler.contract.ContractComparison.Kind;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;
import java.util.function.BiPredicate;

import static org.assertj.core.api.Assertions.assertThat;

class TestContractComparison {
    /** A stand-in for an adapter's matching: int means integer, names compare ignoring case. */
    private static final BiPredicate<String, String> SAME = (declared, returned) ->
            canonical(declared).equals(canonical(returned));

    private static String canonical(String type) {
        String lower = type.toLowerCase(Locale.ROOT);
        return lower.equals("int") ? "integer" : lower;
    }

    private static final List<Column> DECLARED = List.of(new Column("id", "int"), new Column("name", "varchar"),
            new Column("amount", "decimal(10,2)"));

    @Test
    void columnsMeetingTheContractInAnyOrderAndCaseGiveNoBreach() {
        List<Column> returned = List.of(new Column("NAME", "VARCHAR"), new Column("amount", "DECIMAL(10,2)"), new Column("Id", "INTEGER"));
        assertThat(ContractComparison.compare(DECLARED, returned, SAME)).isEmpty();
    }

    @Test
    void eachBreachNamesItsColumnAndBothTypes() {
        List<Column> returned = List.of(new Column("note", "VARCHAR"), new Column("id", "VARCHAR"), new Column("name", "varchar"));
        List<Breach> breaches = ContractComparison.compare(DECLARED, returned, SAME);
        assertThat(breaches).containsExactly(
                new Breach(Kind.TYPE, "id", "int", "VARCHAR"),
                new Breach(Kind.MISSING, "amount", "decimal(10,2)", null),
                new Breach(Kind.EXTRA, "note", null, "VARCHAR"));
        assertThat(ContractComparison.message("orders", breaches)).isEqualTo("""
                model 'orders' does not meet its contract (3 columns):
                    id: declared int, returned VARCHAR
                    amount: declared decimal(10,2), not returned by the model
                    note: returned VARCHAR, not declared in the contract""");
    }

    @Test
    void theTypeComparisonIsTheCallersAndSeesTheDeclaredTypeAsWritten() {
        List<String> asked = new java.util.ArrayList<>();
        ContractComparison.compare(List.of(new Column("id", "Int")), List.of(new Column("id", "bigint")), (d, r) -> {
            asked.add(d + "/" + r);
            return true;
        });
        assertThat(asked).containsExactly("Int/bigint");
    }

    @Test
    void aModelReturningNothingOfItsContractMissesEveryColumn() {
        assertThat(ContractComparison.compare(DECLARED, List.of(), SAME)).extracting(Breach::kind)
                .containsExactly(Kind.MISSING, Kind.MISSING, Kind.MISSING);
        assertThat(ContractComparison.message("one", List.of(new Breach(Kind.EXTRA, "x", null, "int"))))
                .startsWith("model 'one' does not meet its contract (1 column):");
    }
}
