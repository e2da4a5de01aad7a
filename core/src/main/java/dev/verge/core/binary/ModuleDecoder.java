package dev.verge.core.binary;

import dev.verge.core.model.CustomSection;
import dev.verge.core.model.NameSection;
import dev.verge.core.model.WasmModule;

/**
 * Decodes a module from the Wasm 2.0 binary format into a {@link WasmModule}, or reports why the
 * bytes are not one with a {@link MalformedModuleException} in the spec's words.
 *
 * <p>The input is copied once; function bodies, constant expressions, data segments and custom
 * sections are views of that copy, so decoding allocates little beyond the model itself. Function
 * bodies are decoded instruction by instruction (malformed code is a decoding error) but not kept
 * in decoded form.
 *
 * <p>The checks and their order follow the reference interpreter, whose messages the official
 * suite expects: sections are read with the rest of the module as their bound and their size is
 * compared afterwards ("section size mismatch"), a vector length may not exceed the bytes left
 * ("length out of bounds"), and cross-section consistency is checked last. On top of that,
 * {@link DecoderLimits} bounds every count that would make the decoder allocate or work.
 *
 * <p>Does not validate: {@code dev.verge.core.validate.Validator} does that.
 */
public final class ModuleDecoder {
    private static final int MAGIC = 0x6D736100; // "\0asm", little-endian
    private static final int VERSION = 1;

    private static final int CUSTOM = 0;
    private static final int TYPE = 1;
    private static final int IMPORT = 2;
    private static final int FUNCTION = 3;
    private static final int TABLE = 4;
    private static final int MEMORY = 5;
    private static final int GLOBAL = 6;
    private static final int EXPORT = 7;
    private static final int START = 8;
    private static final int ELEMENT = 9;
    private static final int CODE = 10;
    private static final int DATA = 11;
    private static final int DATA_COUNT = 12;

    /** The position of each section id in the required order: data count sits before code. */
    private static final int[] ORDER = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 10};

    private ModuleDecoder() {}

    /** Decodes {@code bytes} with {@link DecoderLimits#DEFAULTS}. */
    public static WasmModule decode(byte[] bytes) {
        return decode(bytes, DecoderLimits.DEFAULTS);
    }

    /**
     * Decodes {@code bytes}, which are copied and may be changed afterwards.
     *
     * @throws MalformedModuleException if the bytes are not a module in the binary format or
     *     exceed {@code limits}
     */
    public static WasmModule decode(byte[] bytes, DecoderLimits limits) {
        return decode(bytes, limits, false);
    }

    /**
     * Decodes {@code bytes} that are known to decode, such as the copy of a module that a
     * serialized module carries: function bodies are taken by their declared sizes without
     * reading their instructions (about two thirds of the decoding time, which a cached
     * {@code verge run} pays at every start). Malformed code in them goes unnoticed, so never
     * use this for bytes that have not been decoded with {@link #decode} before.
     *
     * @throws MalformedModuleException if the bytes, bodies aside, are not a module in the binary
     *     format or exceed {@code limits}
     */
    public static WasmModule decodeKnownGood(byte[] bytes, DecoderLimits limits) {
        return decode(bytes, limits, true);
    }

    private static WasmModule decode(byte[] bytes, DecoderLimits limits, boolean knownGood) {
        DecoderLimits.check("module bytes", bytes.length, limits.maxModuleSize(), 0);
        ModuleBuilder m = new ModuleBuilder(bytes.clone(), limits, knownGood);
        WasmReader r = new WasmReader(m.bytes);
        header(r);
        sections(r, m);
        checkConsistency(r, m);
        return m.build(names(m));
    }

    private static void header(WasmReader r) {
        if (r.remaining() < 4) {
            throw r.error("unexpected end");
        }
        if (r.i32LE() != MAGIC) {
            throw r.errorAt("magic header not detected", 0);
        }
        if (r.remaining() < 4) {
            throw r.error("unexpected end");
        }
        if (r.i32LE() != VERSION) {
            throw r.errorAt("unknown binary version", 4);
        }
    }

    private static void sections(WasmReader r, ModuleBuilder m) {
        int lastOrder = 0;
        int lastId = 0;
        while (!r.atEnd()) {
            int idAt = r.pos();
            int id = r.u8();
            if (id > DATA_COUNT) {
                throw r.errorAt("malformed section id", idAt);
            }
            if (id != CUSTOM) {
                if (ORDER[id] <= lastOrder) {
                    // A repeated or misplaced section: the reference decoder stops reading
                    // sections here and finds content it did not read.
                    throw r.errorAt("unexpected content after last section", idAt);
                }
                lastOrder = ORDER[id];
                lastId = id;
            }
            int size = r.length();
            int start = r.pos();
            int end = start + size;
            switch (id) {
                case CUSTOM -> custom(r, m, end, lastId);
                case TYPE -> DeclarationSections.types(r, m);
                case IMPORT -> DeclarationSections.imports(r, m);
                case FUNCTION -> DeclarationSections.functions(r, m);
                case TABLE -> DeclarationSections.tables(r, m);
                case MEMORY -> DeclarationSections.memories(r, m);
                case GLOBAL -> DeclarationSections.globals(r, m);
                case EXPORT -> DeclarationSections.exports(r, m);
                case START -> DeclarationSections.start(r, m);
                case ELEMENT -> SegmentSections.elements(r, m);
                case CODE -> CodeSection.read(r, m);
                case DATA -> SegmentSections.data(r, m);
                case DATA_COUNT -> SegmentSections.dataCount(r, m);
                default -> throw new AssertionError(id);
            }
            if (r.pos() != end) {
                throw r.errorAt("section size mismatch", start);
            }
        }
    }

    /** A custom section: a name, then uninterpreted bytes up to the section's end. */
    private static void custom(WasmReader r, ModuleBuilder m, int end, int after) {
        String name = r.name();
        // The section size may point past the input by as much as its own encoding is long.
        if (r.pos() > end || end > r.limit()) {
            throw r.errorAt(WasmReader.UNEXPECTED_END, Math.min(end, r.limit()));
        }
        m.customSections.add(new CustomSection(name, m.slice(r.pos(), end), after));
        r.seek(end);
    }

    private static void checkConsistency(WasmReader r, ModuleBuilder m) {
        if (m.functions.size() != m.codes.size()) {
            throw r.error("function and code section have inconsistent lengths");
        }
        if (m.dataCount >= 0 && m.dataCount != m.data.size()) {
            throw r.error("data count and data section have inconsistent lengths");
        }
        if (m.dataCount < 0 && m.bodiesUseDataIndex) {
            throw r.error("data count section required");
        }
    }

    /** The names of the first {@code name} custom section, if there is one. */
    private static NameSection names(ModuleBuilder m) {
        for (CustomSection c : m.customSections) {
            if (c.name().equals("name")) {
                return NameSectionReader.read(c.content());
            }
        }
        return NameSection.EMPTY;
    }
}
