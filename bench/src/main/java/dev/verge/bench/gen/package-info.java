/**
 * Generators of large valid modules, written byte by byte so that the benchmarks of the decoder
 * and validator do not depend on any encoder under test.
 */
package dev.verge.bench.gen;
