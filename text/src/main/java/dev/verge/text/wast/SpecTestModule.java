package dev.verge.text.wast;

import dev.verge.core.model.FuncType;
import dev.verge.core.model.GlobalType;
import dev.verge.core.model.Limits;
import dev.verge.core.model.MemoryType;
import dev.verge.core.model.TableType;
import dev.verge.core.model.ValType;
import dev.verge.core.runtime.Global;
import dev.verge.core.runtime.Linker;
import dev.verge.core.runtime.Memory;
import dev.verge.core.runtime.Table;
import java.util.List;

/**
 * The {@code spectest} host module that the official scripts import from: print functions that
 * print nothing (a test run's output is its report), four immutable globals, a table and a memory,
 * with the values and limits the reference interpreter gives them.
 */
final class SpecTestModule {
    private SpecTestModule() {}

    static void define(Linker linker) {
        function(linker, "print");
        function(linker, "print_i32", ValType.I32);
        function(linker, "print_i64", ValType.I64);
        function(linker, "print_f32", ValType.F32);
        function(linker, "print_f64", ValType.F64);
        function(linker, "print_i32_f32", ValType.I32, ValType.F32);
        function(linker, "print_f64_f64", ValType.F64, ValType.F64);
        linker.define("spectest", "global_i32", new Global(new GlobalType(ValType.I32, false), 666));
        linker.define("spectest", "global_i64", new Global(new GlobalType(ValType.I64, false), 666L));
        linker.define("spectest", "global_f32", new Global(new GlobalType(ValType.F32, false), 666.6f));
        linker.define("spectest", "global_f64", new Global(new GlobalType(ValType.F64, false), 666.6));
        linker.define("spectest", "table", new Table(new TableType(ValType.FUNCREF, new Limits(10, 20))));
        linker.define("spectest", "memory", new Memory(new MemoryType(new Limits(1, 2))));
    }

    private static void function(Linker linker, String name, ValType... params) {
        linker.defineFunction("spectest", name, new FuncType(List.of(params), List.of()), (caller, args) -> null);
    }
}
