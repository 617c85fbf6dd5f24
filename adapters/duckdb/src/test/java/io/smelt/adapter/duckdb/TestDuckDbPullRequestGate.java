package io.smelt.adapter.duckdb;

import io.smelt.adapter.testing.BasePullRequestGateContractTest;

/** The pull-request gate's whole story, on DuckDB. */
class TestDuckDbPullRequestGate extends BasePullRequestGateContractTest {
}
