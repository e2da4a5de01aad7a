package dev.verge.bench.programs;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * guests/wasi/src/bigio.c written in Java, for the WASI I/O benchmark's floor: what a JVM process
 * that does the same I/O costs, with no Wasm at all. Like the guest under Verge, the data lives in
 * a heap array and goes through a direct buffer to the channel in 64 KiB blocks (the JDK copies a
 * heap buffer into a direct one anyway); what this program does not pay is Verge's start-up (module
 * load, instantiation) and the guest's code.
 *
 * <p>Run: {@code java -cp bench/target/benchmarks.jar dev.verge.bench.programs.BigIoJava FILE [MB]}:
 * writes MB mebibytes (default 100) to FILE, reads them back, writes MB mebibytes to stdout, and
 * prints the same checksum line on stderr as bigio.
 */
public final class BigIoJava {
    private static final int BLOCK = 65536;

    private BigIoJava() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: BigIoJava FILE [MB]");
            System.exit(2);
        }
        long blocks = (args.length > 1 ? Long.parseLong(args[1]) : 100) * (1024 * 1024 / BLOCK);
        byte[] buf = new byte[BLOCK];
        for (int i = 0; i < BLOCK; i++) {
            buf[i] = (byte) ('a' + i % 26);
        }
        ByteBuffer direct = ByteBuffer.allocateDirect(BLOCK);
        Path file = Path.of(args[0]);
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING)) {
            for (long b = 0; b < blocks; b++) {
                writeBlock(out, direct, buf);
            }
        }
        byte[] in = new byte[BLOCK];
        long sum = 0;
        long total = 0;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            int n;
            while ((n = channel.read(direct.clear())) > 0) {
                direct.flip().get(in, 0, n);
                for (int i = 0; i < n; i += 4096) {
                    sum = sum * 31 + (in[i] & 0xff);
                }
                total += n;
            }
        }
        FileChannel stdout = new FileOutputStream(FileDescriptor.out).getChannel();
        for (long b = 0; b < blocks; b++) {
            writeBlock(stdout, direct, buf);
        }
        System.err.println("read " + total + " bytes, checksum " + Long.toUnsignedString(sum));
    }

    private static void writeBlock(FileChannel channel, ByteBuffer direct, byte[] block) throws IOException {
        direct.clear().put(block).flip();
        while (direct.hasRemaining()) {
            channel.write(direct);
        }
    }
}
