/**
 * Running an invocation: the {@code Invoker} selects nodes, orders them ({@code BuildOrder}), runs them
 * on the {@code Scheduler}'s threads through {@code NodeRunner} (compile, then materialize, test or
 * unit-test each node), runs the project hooks and writes the artifacts.
 */
package io.smelt.compiler.exec;
