package dev.verge.core.compile;

import dev.verge.core.binary.CodeReader;
import dev.verge.core.instr.IgnoringVisitor;
import dev.verge.core.instr.Op;
import dev.verge.core.model.Expr;

/**
 * Whether a function body has a scalar load or store on memory 0: only then does its method keep
 * memory 0's flat array in a local ({@link MemoryEmitter}). A function without one (a recursive
 * Fibonacci, a loop that only calls) would otherwise reload the array after each of its calls
 * and carry it across them, for nothing: that cost such a function about 15%.
 */
final class MemoryUse extends IgnoringVisitor {
    private boolean found;

    private MemoryUse() {}

    /** Reads {@code body} (already validated) once, looking for a scalar access to memory 0. */
    static boolean scalarAccessesMemory0(Expr body) {
        MemoryUse use = new MemoryUse();
        CodeReader.read(body, use);
        return use.found;
    }

    @Override
    public void memory(Op op, int alignLog2, long offset, int memoryIndex) {
        if (memoryIndex == 0 && !SimdEmitter.isVectorAccess(op)) {
            found = true;
        }
    }
}
