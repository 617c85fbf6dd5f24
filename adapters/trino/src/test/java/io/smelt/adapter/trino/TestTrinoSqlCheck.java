package io.smelt.adapter.trino;

import io.smelt.adapter.testing.BaseSqlCheckContractTest;

/** The SQL check contract on Trino. */
class TestTrinoSqlCheck extends BaseSqlCheckContractTest {
}
