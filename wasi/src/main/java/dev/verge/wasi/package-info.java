/**
 * WASI preview1 ({@code wasi_snapshot_preview1}) with capability sandboxing.
 *
 * <p>{@link dev.verge.wasi.WasiConfig} says what a guest is given; {@link dev.verge.wasi.Wasi}
 * defines the host functions in a {@link dev.verge.core.runtime.Linker}. The functions are grouped
 * one class per family (arguments and environment, clocks and randomness, descriptor I/O,
 * descriptor metadata, {@code path_open}, the other path calls, {@code poll_oneoff}, process and
 * sockets). Each returns an {@link dev.verge.wasi.Errno}; failures inside are exceptions turned
 * into errnos at one edge, so no Java exception reaches a guest.
 *
 * <p>The sandbox: a guest reaches files only through its preopened directories, and every path it
 * gives is resolved by Verge, component by component, inside the preopen (see
 * {@code PathResolver}); the OS is never asked to follow a link.
 */
package dev.verge.wasi;
