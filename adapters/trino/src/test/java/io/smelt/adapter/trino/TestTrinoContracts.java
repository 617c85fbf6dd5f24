package io.smelt.adapter.trino;

import io.smelt.adapter.testing.BaseContractsContractTest;

import java.util.List;
import java.util.Set;

/** Model contracts on Trino with Iceberg, which checks not null and cannot write the other constraints. */
class TestTrinoContracts extends BaseContractsContractTest {
    @Override
    protected List<String> declaredTypesInCatalog() {
        return List.of("integer", "varchar", "decimal(10,2)");
    }

    @Override
    protected Set<String> enforcedConstraints() {
        return Set.of("not_null");
    }
}
