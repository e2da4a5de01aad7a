package dev.verge.core.compile;

import java.lang.classfile.Attributes;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.MethodModel;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The bytecode size of each method of a generated class, read back with {@code java.lang.classfile}:
 * what {@link ModuleCompiler} checks its plans against, and what tests assert on.
 */
public final class MethodSizes {
    /** HotSpot does not JIT-compile methods with more bytecode than this ({@code HugeMethodLimit}). */
    public static final int HUGE_METHOD_LIMIT = 8_000;

    private MethodSizes() {}

    /** Each method's name and bytecode length, in class file order. */
    public static Map<String, Integer> of(byte[] classFile) {
        ClassModel cm = ClassFile.of().parse(classFile);
        Map<String, Integer> out = new LinkedHashMap<>();
        for (MethodModel m : cm.methods()) {
            m.findAttribute(Attributes.code()).ifPresent(code -> out.put(m.methodName().stringValue(), code.codeLength()));
        }
        return out;
    }

    /**
     * The functions (function index space) with a method, main or piece, of more than
     * {@code limit} bytes of bytecode.
     */
    static Set<Integer> functionsOver(byte[] classFile, int limit) {
        Set<Integer> out = new TreeSet<>();
        of(classFile).forEach((name, size) -> {
            if (size > limit && name.startsWith("f")) {
                int end = name.indexOf('$');
                out.add(Integer.parseInt(name.substring(1, end < 0 ? name.length() : end)));
            }
        });
        return out;
    }
}
