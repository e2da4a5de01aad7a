package dev.verge.bench.gen;

import dev.verge.core.model.NumType;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The index spaces of a generated module that bodies refer to: its types, the type of every
 * function (one imported, then the defined ones), and its globals (one mutable and one immutable
 * of each number type).
 */
final class ModuleLayout {
    static final List<Signature> TYPES = List.of(
            new Signature(List.of(NumType.I32, NumType.I32), NumType.I32),
            new Signature(List.of(NumType.I32), NumType.I32),
            new Signature(List.of(NumType.I64, NumType.I64), NumType.I64),
            new Signature(List.of(NumType.F64, NumType.F64), NumType.F64),
            new Signature(List.of(), null),
            new Signature(List.of(NumType.I32, NumType.I64, NumType.F64), NumType.I32),
            new Signature(List.of(NumType.F32, NumType.I32), NumType.F32),
            new Signature(List.of(NumType.I32), null));
    /** The imported function's type: {@code (i32) -> ()}. */
    static final int IMPORT_TYPE = 7;
    static final int IMPORTED_FUNCTIONS = 1;

    private final int[] functionTypes;
    private final Map<NumType, List<Integer>> functionsByResult = new EnumMap<>(NumType.class);
    private final List<Integer> voidFunctions = new ArrayList<>();

    ModuleLayout(int definedFunctions, SplittableRandom random) {
        functionTypes = new int[IMPORTED_FUNCTIONS + definedFunctions];
        functionTypes[0] = IMPORT_TYPE;
        for (int i = IMPORTED_FUNCTIONS; i < functionTypes.length; i++) {
            functionTypes[i] = random.nextInt(TYPES.size());
        }
        for (NumType t : NumType.values()) {
            functionsByResult.put(t, new ArrayList<>());
        }
        for (int i = 0; i < functionTypes.length; i++) {
            NumType result = TYPES.get(functionTypes[i]).result();
            if (result == null) {
                voidFunctions.add(i);
            } else {
                functionsByResult.get(result).add(i);
            }
        }
    }

    int functionCount() {
        return functionTypes.length;
    }

    int typeOfFunction(int function) {
        return functionTypes[function];
    }

    Signature signature(int type) {
        return TYPES.get(type);
    }

    Signature signatureOfFunction(int function) {
        return TYPES.get(functionTypes[function]);
    }

    boolean hasFunctionReturning(NumType t) {
        return !functionsByResult.get(t).isEmpty();
    }

    /** A random function whose result is {@code t}, or any function when {@code t} is null. */
    int randomFunction(SplittableRandom random, NumType t) {
        if (t == null) {
            return random.nextInt(functionTypes.length);
        }
        List<Integer> candidates = functionsByResult.get(t);
        return candidates.get(random.nextInt(candidates.size()));
    }

    /** A random type index whose result is {@code t}; every number type has one. */
    int randomTypeReturning(SplittableRandom random, NumType t) {
        while (true) {
            int type = random.nextInt(TYPES.size());
            if (TYPES.get(type).result() == t) {
                return type;
            }
        }
    }

    /** The mutable global of this type: globals are laid out as (mutable, immutable) pairs. */
    int mutableGlobal(NumType t) {
        return 2 * t.ordinal();
    }

    int anyGlobal(SplittableRandom random, NumType t) {
        return 2 * t.ordinal() + random.nextInt(2);
    }
}
