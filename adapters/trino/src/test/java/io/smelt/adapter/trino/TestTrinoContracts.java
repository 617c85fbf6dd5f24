package io.smelt.adapter.trino;

import io.smelt.adapter.testing.BaseContractsContractTest;

import java.util.List;
import java.util.Set;

/** Model contracts on Trino with Iceberg, which checks not null and cannot write the other constraints. */
class TestTrinoContracts extends BaseContractsContractTest {
    TestTrinoContracts() {
        super(List.of("integer", "varchar", "decimal(10,2)"), Set.of("not_null"));
    }
}
