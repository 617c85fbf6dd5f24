/**
 * Running an invocation: the {@code Invoker} selects nodes, orders them ({@code BuildOrder}), runs them
 * on the {@code Scheduler}'s threads through {@code NodeRunner}, which hands each node to the
 * {@code ResourceRunner} of its resource type ({@code ModelRunner}, {@code SeedRunner},
 * {@code SnapshotRunner}, {@code DataTestRunner}, {@code UnitTestRunner}; {@code CompileRunner} for
 * {@code compile}), runs the project hooks and writes the artifacts.
 */
package io.smelt.compiler.exec;
