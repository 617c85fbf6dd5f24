package io.smelt.adapter.duckdb;

import io.smelt.adapter.testing.BaseContractsContractTest;

import java.util.List;
import java.util.Set;

/** Model contracts on DuckDB, which checks every constraint its {@code create table} declares. */
class TestDuckDbContracts extends BaseContractsContractTest {
    TestDuckDbContracts() {
        super(List.of("INTEGER", "VARCHAR", "DECIMAL(10,2)"), Set.of("not_null", "check", "unique", "primary_key", "foreign_key"));
    }
}
