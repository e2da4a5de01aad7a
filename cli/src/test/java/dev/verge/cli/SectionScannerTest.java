package dev.verge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.verge.core.binary.MalformedModuleException;
import java.util.List;
import org.junit.jupiter.api.Test;

class SectionScannerTest {
    @Test
    void headerOnlyHasNoSections() {
        assertEquals(List.of(), SectionScanner.scan(WasmFiles.empty()));
    }

    @Test
    void listsEachSectionWithTheStartAndSizeOfItsContents() {
        List<SectionScanner.Section> sections = SectionScanner.scan(WasmFiles.answer());
        assertEquals(
                List.of(
                        new SectionScanner.Section(1, null, 10, 5),
                        new SectionScanner.Section(3, null, 17, 2),
                        new SectionScanner.Section(10, null, 21, 6)),
                sections);
        assertEquals("type", sections.get(0).displayName());
        assertEquals("code", sections.get(2).displayName());
    }

    @Test
    void customSectionsAreNamed() {
        byte[] bytes = WasmFiles.module(WasmFiles.section(0, 3, 'a', 'b', 'c', 0xFF));
        SectionScanner.Section s = SectionScanner.scan(bytes).getFirst();
        assertEquals(new SectionScanner.Section(0, "abc", 10, 5), s);
        assertEquals("custom \"abc\"", s.displayName());
    }

    @Test
    void sectionSizesAreLeb128() {
        int[] content = new int[200];
        int[] section = new int[content.length + 3];
        section[0] = 11;
        section[1] = 0xC8; // 200 = 0x48 | 0x80, then 1
        section[2] = 0x01;
        byte[] bytes = WasmFiles.module(section);
        assertEquals(List.of(new SectionScanner.Section(11, null, 11, 200)), SectionScanner.scan(bytes));
    }

    @Test
    void sectionLongerThanTheFileIsMalformed() {
        byte[] bytes = WasmFiles.module(new int[] {1, 5, 0});
        MalformedModuleException e = assertThrows(MalformedModuleException.class, () -> SectionScanner.scan(bytes));
        assertEquals("section size mismatch", e.reason());
    }

    @Test
    void truncatedSizeIsMalformed() {
        byte[] bytes = WasmFiles.module(new int[] {1, 0x80});
        MalformedModuleException e = assertThrows(MalformedModuleException.class, () -> SectionScanner.scan(bytes));
        assertEquals("unexpected end", e.reason());
        assertEquals(10, e.offset());
    }

    @Test
    void shortFileIsMalformed() {
        assertThrows(MalformedModuleException.class, () -> SectionScanner.scan(new byte[] {0, 'a'}));
    }
}
