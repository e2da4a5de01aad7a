package dev.verge.edge.guest;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Everything one guest run may see: its arguments and environment, its standard streams, and at
 * most one read-only directory. Nothing else is granted.
 *
 * @param args the guest's argv
 * @param env its environment, in order
 * @param stdin the request body, read as the guest asks for it
 * @param stdout where its standard output goes (to the client as it comes, or to a buffer)
 * @param stderr where its standard error goes
 * @param filesDir a host directory the guest sees read-only at {@code /}, or null
 */
public record GuestIo(
        List<String> args, Map<String, String> env, InputStream stdin, OutputStream stdout, BoundedOutput stderr, Path filesDir) {}
