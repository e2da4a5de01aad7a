package dev.verge.core.runtime.ops;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.MethodModel;
import java.lang.classfile.attribute.CodeAttribute;
import java.lang.reflect.AccessFlag;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every public helper stays within HotSpot's {@code MaxInlineSize} (35 bytes of bytecode), so it
 * is inlined at every call site, hot or not; slow paths belong in separate private methods. (The
 * SIMD classes are correctness-first lane loops and are not held to this yet.)
 */
class HelperSizeTest {
    private static final int MAX_INLINE_SIZE = 35;

    @Test
    void publicHelpersAreSmallEnoughToAlwaysInline() throws IOException {
        for (Class<?> c : List.of(I32Ops.class, I64Ops.class, F32Ops.class, F64Ops.class, ConvertOps.class, LaneOps.class)) {
            ClassModel model;
            try (InputStream in = c.getResourceAsStream(c.getSimpleName() + ".class")) {
                model = ClassFile.of().parse(in.readAllBytes());
            }
            for (MethodModel m : model.methods()) {
                if (!m.flags().has(AccessFlag.PUBLIC) || !m.flags().has(AccessFlag.STATIC)) {
                    continue;
                }
                int size = m.findAttribute(java.lang.classfile.Attributes.code())
                        .map(CodeAttribute::codeLength)
                        .orElse(0);
                assertTrue(size <= MAX_INLINE_SIZE,
                        () -> c.getSimpleName() + "." + m.methodName().stringValue() + " has " + size + " bytes");
            }
        }
    }
}
