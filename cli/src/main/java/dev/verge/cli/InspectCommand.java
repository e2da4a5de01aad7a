package dev.verge.cli;

import dev.verge.core.VergeException;
import dev.verge.core.binary.ModuleDecoder;
import dev.verge.core.model.WasmModule;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code verge inspect FILE}: what a binary module contains, section by section. It decodes but
 * does not validate, so invalid (but well-formed) modules can be looked at too.
 */
@Command(
        name = "inspect",
        header = "Shows what a WebAssembly binary module contains.",
        description = {
            "Lists the sections with their offsets and sizes, then the types, imports, exports, "
                    + "functions with their code sizes, tables, memories, globals, segments, custom "
                    + "sections and names. Decodes but does not validate.",
        },
        footer = {
            "",
            "Exit status: 0 if the module could be decoded, 1 if it is malformed, 2 if it cannot "
                    + "be read."
        })
public final class InspectCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The .wasm file to inspect.")
    String file;

    @Override
    public Integer call() {
        byte[] bytes;
        try {
            bytes = ModuleFiles.read(file);
        } catch (ModuleFiles.Unreadable e) {
            throw new CliFailure(file + ": cannot read: " + e.getMessage(), VergeCommand.USAGE);
        }
        WasmModule module;
        List<SectionScanner.Section> sections;
        try {
            bytes = ModuleLoader.binary(file, bytes);
            module = ModuleDecoder.decode(bytes);
            sections = SectionScanner.scan(bytes);
        } catch (VergeException e) {
            throw new CliFailure(file + ": error: " + e.getMessage(), 1);
        }
        PrintWriter out = spec.commandLine().getOut();
        new InspectReport(file, bytes.length, sections, module, out).print();
        out.flush();
        return 0;
    }
}
