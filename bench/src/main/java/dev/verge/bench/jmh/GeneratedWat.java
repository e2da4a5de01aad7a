package dev.verge.bench.jmh;

import dev.verge.bench.gen.ModuleGenerator;
import dev.verge.core.binary.ModuleDecoder;
import dev.verge.text.print.WatPrinter;
import java.nio.charset.StandardCharsets;

/**
 * The text-format input of the parsing benchmarks: the {@link ModuleGenerator}'s module, printed
 * by {@link WatPrinter}. Printing a generated binary, rather than writing text by hand, gives the
 * parser the same instruction mix as the decoder benchmarks see, with folded-free flat
 * instructions, numeric literals of every type and one line per instruction, as tools emit it.
 */
final class GeneratedWat {
    /** Defined functions: about 8 MB of text (436,000 lines). */
    static final int FUNCTIONS = 2_000;

    private GeneratedWat() {}

    /** The text, deterministic for a given function count. */
    static String text(int functions) {
        byte[] binary = ModuleGenerator.generate(functions, 1).bytes();
        return WatPrinter.print(ModuleDecoder.decode(binary));
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
