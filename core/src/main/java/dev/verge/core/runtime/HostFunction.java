package dev.verge.core.runtime;

/**
 * A function written in Java that guests can import. Arguments arrive boxed as {@link Integer}
 * (i32), {@link Long} (i64), {@link Float} (f32), {@link Double} (f64), {@link V128} (v128), {@link WasmFunction} or
 * null (funcref) and any object (externref); results are returned the same way, one array element
 * per result (null or an empty array when there is none).
 *
 * <p>A {@link Trap} thrown by the function propagates to the guest's caller as is; any other
 * exception becomes a trap of kind {@link TrapKind#HOST_ERROR} with the exception as its cause.
 */
@FunctionalInterface
public interface HostFunction {
    Object[] call(Caller caller, Object[] args);
}
