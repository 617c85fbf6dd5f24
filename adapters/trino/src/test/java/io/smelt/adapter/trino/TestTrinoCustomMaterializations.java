package io.smelt.adapter.trino;

import io.smelt.adapter.testing.BaseCustomMaterializationContractTest;

/** The custom materialization contract on Trino (TrinoTestEngine). */
class TestTrinoCustomMaterializations extends BaseCustomMaterializationContractTest {
}
