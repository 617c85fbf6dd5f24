package io.smelt.adapter.spark;

import io.smelt.adapter.testing.BaseContractsContractTest;

import java.util.List;
import java.util.Set;

/** Model contracts on Spark with Delta, which checks not null and check constraints. */
class TestSparkContracts extends BaseContractsContractTest {
    TestSparkContracts() {
        super(List.of("int", "string", "decimal(10,2)"), Set.of("not_null", "check"));
    }
}
