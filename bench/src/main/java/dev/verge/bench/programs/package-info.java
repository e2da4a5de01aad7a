/**
 * Runners for the whole-program comparison ({@code bench/run-programs.sh}): peers that need a JVM
 * entry point to run a WASI command module.
 */
package dev.verge.bench.programs;
