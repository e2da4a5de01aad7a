package dev.verge.core.binary;

import static dev.verge.core.binary.Wasm.b;
import static dev.verge.core.binary.Wasm.cat;
import static dev.verge.core.binary.Wasm.module;
import static dev.verge.core.binary.Wasm.name;
import static dev.verge.core.binary.Wasm.section;
import static dev.verge.core.binary.Wasm.u;
import static dev.verge.core.binary.Wasm.vec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.verge.core.model.Bytes;
import dev.verge.core.model.NameSection;
import dev.verge.core.model.WasmModule;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NameSectionReaderTest {
    private static byte[] subsection(int id, byte[]... contents) {
        return section(id, contents);
    }

    private static NameSection read(byte[]... subsections) {
        return NameSectionReader.read(Bytes.copyOf(cat(subsections)));
    }

    @Test
    void moduleFunctionAndLocalNames() {
        NameSection names = read(
                subsection(0, name("demo")),
                subsection(1, vec(2, cat(u(0), name("main")), cat(u(3), name("helper")))),
                subsection(2, vec(1, cat(u(3), vec(2, cat(u(0), name("x")), cat(u(1), name("y")))))));
        assertEquals("demo", names.moduleName());
        assertEquals("main", names.functionName(0));
        assertEquals("helper", names.functionName(3));
        assertNull(names.functionName(1));
        assertEquals("y", names.localName(3, 1));
        assertEquals(Map.of(0, "x", 1, "y"), names.localNames().get(3));
    }

    @Test
    void unknownSubsectionsAreSkipped() {
        NameSection names = read(subsection(1, vec(1, cat(u(0), name("f")))), subsection(7, b(1, 2, 3)));
        assertEquals("f", names.functionName(0));
    }

    @Test
    void malformedSectionsAreIgnored() {
        assertSame(NameSection.EMPTY, read(subsection(1, vec(2, cat(u(0), name("f")))))); // count too big
        assertSame(NameSection.EMPTY, read(subsection(0, b(1, 0xFF)))); // bad UTF-8
        assertSame(NameSection.EMPTY, read(subsection(1, vec(0)), subsection(0, name("m")))); // out of order
        assertSame(NameSection.EMPTY, read(subsection(0, name("m"), b(0)))); // size mismatch
        assertSame(NameSection.EMPTY, read(b(1, 9, 0))); // size past the end
    }

    @Test
    void decoderFillsNamesFromTheNameSection() {
        byte[] nameSection = section(0, name("name"), subsection(1, vec(1, cat(u(0), name("start")))));
        WasmModule m = ModuleDecoder.decode(module(nameSection));
        assertEquals("start", m.names().functionName(0));
        WasmModule broken = ModuleDecoder.decode(module(section(0, name("name"), b(1, 5, 0))));
        assertSame(NameSection.EMPTY, broken.names());
    }
}
