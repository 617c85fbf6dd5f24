package io.smelt.adapter.duckdb;

import io.smelt.adapter.testing.BaseMicrobatchTest;

/** The microbatch contract on embedded DuckDB (DuckDbTestEngine). */
class TestDuckDbMicrobatch extends BaseMicrobatchTest {
}
