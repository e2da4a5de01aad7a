package dev.verge.core.compile;

import static dev.verge.core.compile.ModuleContext.kind;

import dev.verge.core.model.ValType;
import java.lang.classfile.CodeBuilder;
import java.lang.classfile.TypeKind;
import java.lang.constant.ConstantDescs;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code global.get} and {@code global.set}. An instance's {@code Global} objects never change, so
 * each one a method uses is read from the instance once, by the late prologue, into a local.
 */
final class GlobalEmitter {
    private final CodeBuilder cb;
    private final ModuleContext mc;
    private final ValueCode values;
    /** The JVM locals caching the {@code Global} objects the code uses, by global index. */
    private final Map<Integer, Integer> globalSlots = new TreeMap<>();

    GlobalEmitter(CodeBuilder cb, ModuleContext mc, ValueCode values) {
        this.cb = cb;
        this.mc = mc;
        this.values = values;
    }

    /** Loads the globals used so far into their locals: part of the late prologue. */
    void loadCached(int ctx) {
        for (Map.Entry<Integer, Integer> g : globalSlots.entrySet()) {
            cb.aload(ctx).getfield(RuntimeNames.INSTANCE, "globals", RuntimeNames.GLOBAL_ARRAY)
                    .loadConstant(g.getKey()).aaload().astore(g.getValue());
        }
    }

    /** Pushes the {@code Global} object, cached in a local loaded by the late prologue. */
    private void globalRef(int index) {
        Integer slot = globalSlots.get(index);
        if (slot == null) {
            slot = cb.allocateLocal(TypeKind.REFERENCE);
            globalSlots.put(index, slot);
        }
        cb.aload(slot);
    }

    void get(int index) {
        ValType t = mc.module.allGlobals().get(index).type();
        globalRef(index);
        if (kind(t) == TypeKind.REFERENCE) {
            cb.getfield(RuntimeNames.GLOBAL, "ref", RuntimeNames.OBJECT);
            SimdEmitter.castFromObject(cb, t);
        } else {
            cb.getfield(RuntimeNames.GLOBAL, "bits", ConstantDescs.CD_long);
            values.fromBits(t);
        }
    }

    void set(int index) {
        ValType t = mc.module.allGlobals().get(index).type();
        if (kind(t) == TypeKind.REFERENCE) {
            globalRef(index);
            cb.swap().putfield(RuntimeNames.GLOBAL, "ref", RuntimeNames.OBJECT);
        } else {
            values.toBits(t);
            globalRef(index);
            cb.dup_x2().pop().putfield(RuntimeNames.GLOBAL, "bits", ConstantDescs.CD_long);
        }
    }
}
