package dev.verge.text.wast;

/**
 * A value passed to or returned from an action. Floats are kept as bits, so NaN payloads and
 * signed zeros compare exactly; references are described by what a script can observe of them.
 */
public sealed interface WastValue {
    record I32(int value) implements WastValue {
        @Override
        public String toString() {
            return "(i32.const " + value + ")";
        }
    }

    record I64(long value) implements WastValue {
        @Override
        public String toString() {
            return "(i64.const " + value + ")";
        }
    }

    record F32(int bits) implements WastValue {
        @Override
        public String toString() {
            return "(f32.const " + FloatText.f32(bits) + ")";
        }
    }

    record F64(long bits) implements WastValue {
        @Override
        public String toString() {
            return "(f64.const " + FloatText.f64(bits) + ")";
        }
    }

    /** 128 bits, little-endian: {@code low} holds bytes 0..7. */
    record V128(long low, long high) implements WastValue {
        @Override
        public String toString() {
            return String.format("(v128.const i64x2 0x%016x 0x%016x)", low, high);
        }
    }

    /** A null reference; {@code heapType} is the text written after {@code ref.null} (may be empty). */
    record RefNull(String heapType) implements WastValue {
        @Override
        public String toString() {
            return heapType.isEmpty() ? "(ref.null)" : "(ref.null " + heapType + ")";
        }
    }

    /** {@code (ref.extern N)}: the host value N, as the script's embedder hands it to the guest. */
    record RefExtern(long id) implements WastValue {
        @Override
        public String toString() {
            return "(ref.extern " + id + ")";
        }
    }

    /** {@code (ref.host N)} (Wasm 3.0 scripts): a host reference seen through {@code anyref}. */
    record RefHost(long id) implements WastValue {
        @Override
        public String toString() {
            return "(ref.host " + id + ")";
        }
    }

    /**
     * A non-null reference the script can only classify: {@code func}, {@code struct},
     * {@code array}, {@code i31}, {@code exn}, ... The handle is the engine's own object.
     */
    record RefOpaque(String kind, Object handle) implements WastValue {
        @Override
        public String toString() {
            return "(ref." + kind + ")";
        }
    }
}
