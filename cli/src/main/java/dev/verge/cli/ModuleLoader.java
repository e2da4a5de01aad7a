package dev.verge.cli;


/**
 * Lets every command that takes a module accept the text format too: a file named {@code .wat},
 * or any file that does not start with the binary magic but with text, is parsed to a binary
 * module first.
 */
final class ModuleLoader {
    private static final byte[] MAGIC = {0, 'a', 's', 'm'};

    private ModuleLoader() {}

    /** Whether {@code file}'s content is the text format, by extension or else by content. */
    static boolean isText(String file, byte[] bytes) {
        if (file.endsWith(".wat")) {
            return true;
        }
        if (file.endsWith(".wasm") || startsWithMagic(bytes)) {
            return false;
        }
        for (byte b : bytes) {
            if (b == '(' || b == ';') {
                return true;
            }
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
                return false;
            }
        }
        return false;
    }

    private static boolean startsWithMagic(byte[] bytes) {
        if (bytes.length < MAGIC.length) {
            return false;
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (bytes[i] != MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    /** The binary module in {@code file}: its bytes, or the text it holds parsed to bytes. */
    static byte[] binary(String file, byte[] bytes) {
        return isText(file, bytes) ? TextModules.parse(bytes) : bytes;
    }
}
