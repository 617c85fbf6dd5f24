package io.smelt.adapter.spark;

import io.smelt.adapter.testing.BasePullRequestGateContractTest;

/** The pull-request gate's whole story, on Spark. */
class TestSparkPullRequestGate extends BasePullRequestGateContractTest {
}
