package io.smelt.adapter.trino;

import io.smelt.adapter.testing.BaseMicrobatchTest;

/** The microbatch contract on the shared Trino server's Iceberg catalog (TrinoTestEngine). */
class TestTrinoMicrobatch extends BaseMicrobatchTest {
}
