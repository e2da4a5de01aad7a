package dev.verge.text;

import dev.verge.core.model.FuncType;
import dev.verge.core.model.ValType;
import java.util.List;

/**
 * A type use as written: an optional {@code (type x)} and inline {@code (param ...)} and
 * {@code (result ...)} declarations.
 *
 * @param index the explicit type index (an unsigned 32-bit value) when {@code explicit}
 * @param paramNames one entry per parameter: its identifier, or null
 * @param position where the type use starts, for errors
 */
record TypeUse(boolean explicit, int index, List<ValType> params, List<String> paramNames, List<ValType> results, int position) {
    boolean hasInline() {
        return !params.isEmpty() || !results.isEmpty();
    }

    FuncType inlineType() {
        return new FuncType(params, results);
    }
}
