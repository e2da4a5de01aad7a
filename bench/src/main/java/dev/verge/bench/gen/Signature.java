package dev.verge.bench.gen;

import dev.verge.core.model.NumType;
import java.util.List;

/**
 * A function type of the generated module: number parameters and at most one result.
 *
 * @param result the result type, or null for none
 */
record Signature(List<NumType> params, NumType result) {
    Signature {
        params = List.copyOf(params);
    }

    void write(WasmWriter out) {
        out.u8(0x60);
        out.u32(params.size());
        for (NumType p : params) {
            out.u8(p.code());
        }
        if (result == null) {
            out.u32(0);
        } else {
            out.u32(1);
            out.u8(result.code());
        }
    }
}
