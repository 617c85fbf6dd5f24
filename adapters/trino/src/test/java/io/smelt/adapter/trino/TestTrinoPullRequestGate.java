package io.smelt.adapter.trino;

import io.smelt.adapter.testing.BasePullRequestGateContractTest;

/** The pull-request gate's whole story, on Trino. */
class TestTrinoPullRequestGate extends BasePullRequestGateContractTest {
}
