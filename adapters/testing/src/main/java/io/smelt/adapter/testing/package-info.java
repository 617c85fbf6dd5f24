/**
 * The contract suites every engine module runs against its real engine ({@code BaseAdapterTest} for
 * the adapter itself, {@code BaseProjectContractTest} and the other {@code Base*Test} classes for
 * fixture projects built end to end), the {@link io.smelt.adapter.testing.TestEngine} each module
 * names, and the harnesses that start a Trino or Spark server for the tests.
 */
package io.smelt.adapter.testing;
