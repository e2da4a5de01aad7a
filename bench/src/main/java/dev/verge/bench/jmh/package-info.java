/** JMH benchmarks of the engine's parts, and CPU-time variants for shared machines. */
package dev.verge.bench.jmh;
