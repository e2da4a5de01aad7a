package dev.verge.wasi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Turns a guest path, relative to a directory descriptor, into a host path that is inside the
 * descriptor's directory, or fails with the errno the guest must see.
 *
 * <p>Why component by component? Handing {@code dir.resolve(guestPath)} to the OS would let the OS
 * follow {@code ..} and symbolic links wherever they lead. Here every component is looked at in
 * turn: {@code ..} pops a level and may not pop past the descriptor's own directory; a symbolic
 * link is read (never followed by the OS: {@link LinkOption#NOFOLLOW_LINKS} everywhere) and its
 * target spliced into the components still to walk, so a link can only lead where a path
 * written by the guest could; an absolute path or link target is refused. What comes out is a
 * host path made of real directories only, so the OS call that uses it follows nothing but the
 * final component, and that only when the caller asks (callers pass NOFOLLOW too).
 *
 * <p>What this cannot stop: another host process swapping a directory on the path for a symbolic
 * link between the check and the use. Java has no {@code openat} with {@code RESOLVE_BENEATH}.
 * The guest itself cannot race this way: it runs on one thread and its calls are sequential.
 */
final class PathResolver {
    /** How many symbolic links one resolution may follow before {@code ELOOP}, as Linux. */
    static final int MAX_SYMLINKS = 40;
    /** The longest path a guest may pass, as Linux's PATH_MAX. */
    static final int MAX_PATH = 4096;

    private PathResolver() {}

    /**
     * A resolved path.
     *
     * @param components the place below the preopen root, made of real directories except maybe the last
     * @param host the host path of those components
     * @param trailingSlash whether the guest path ended in {@code /} (the target must be a directory)
     */
    record Resolved(List<String> components, Path host, boolean trailingSlash) {
        /** Whether this is the preopen's root itself. */
        boolean isRoot() {
            return components.isEmpty();
        }
    }

    static Path hostPath(Path root, List<String> components) {
        Path p = root;
        for (String c : components) {
            p = p.resolve(c);
        }
        return p;
    }

    /**
     * The host path of {@code components} below {@code root}, after checking that the first
     * {@code dirs} of them are still real directories. A descriptor remembers where it was opened,
     * not a host handle; since then the guest may have renamed a directory on that path and put a
     * symbolic link in its place, which the OS would follow. {@code ENOENT} or {@code ENOTDIR} then.
     */
    static Path verified(Path root, List<String> components, int dirs) throws WasiError {
        Path p = root;
        for (int i = 0; i < components.size(); i++) {
            p = p.resolve(components.get(i));
            if (i < dirs) {
                BasicFileAttributes attrs;
                try {
                    attrs = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                } catch (NoSuchFileException e) {
                    throw new WasiError(Errno.NOENT);
                } catch (IOException e) {
                    throw new WasiError(IoErrors.errno(e));
                }
                if (!attrs.isDirectory()) {
                    throw new WasiError(Errno.NOTDIR);
                }
            }
        }
        return p;
    }

    /**
     * Resolves {@code path} from {@code dir}. Intermediate symbolic links are always followed
     * (inside the sandbox); the last one only when {@code followLast} or when the path ends in a
     * slash. The last component need not exist; everything before it must be a directory.
     */
    static Resolved resolve(DirFd dir, String path, boolean followLast) throws WasiError {
        if (path.isEmpty()) {
            throw new WasiError(Errno.NOENT);
        }
        if (path.length() > MAX_PATH) {
            throw new WasiError(Errno.NAMETOOLONG);
        }
        if (path.indexOf('\0') >= 0) {
            throw new WasiError(Errno.ILSEQ);
        }
        if (path.startsWith("/")) {
            throw new WasiError(Errno.PERM);
        }
        verified(dir.root, dir.components, dir.components.size());
        Deque<String> pending = new ArrayDeque<>(split(path));
        boolean trailing = path.endsWith("/") || path.endsWith("/.") || path.equals(".");
        List<String> stack = new ArrayList<>(dir.components);
        int floor = dir.components.size();
        int links = 0;
        while (!pending.isEmpty()) {
            String c = pending.removeFirst();
            if (c.isEmpty() || c.equals(".")) {
                continue;
            }
            if (c.equals("..")) {
                if (stack.size() <= floor) {
                    throw new WasiError(Errno.PERM);
                }
                stack.removeLast();
                continue;
            }
            stack.add(c);
            boolean last = onlyDots(pending);
            if (last && !followLast && !trailing) {
                break;
            }
            Path host = hostPath(dir.root, stack);
            BasicFileAttributes attrs;
            try {
                attrs = Files.readAttributes(host, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (NoSuchFileException e) {
                if (last) {
                    break;
                }
                throw new WasiError(Errno.NOENT);
            } catch (IOException e) {
                throw new WasiError(IoErrors.errno(e));
            }
            if (attrs.isSymbolicLink()) {
                if (++links > MAX_SYMLINKS) {
                    throw new WasiError(Errno.LOOP);
                }
                String target;
                try {
                    target = Files.readSymbolicLink(host).toString();
                } catch (IOException e) {
                    throw new WasiError(IoErrors.errno(e));
                }
                if (target.startsWith("/")) {
                    throw new WasiError(Errno.PERM);
                }
                if (target.isEmpty()) {
                    throw new WasiError(Errno.NOENT);
                }
                stack.removeLast();
                if (last && target.endsWith("/")) {
                    trailing = true;
                }
                List<String> parts = split(target);
                for (int i = parts.size() - 1; i >= 0; i--) {
                    pending.addFirst(parts.get(i));
                }
                continue;
            }
            if (!last && !attrs.isDirectory()) {
                throw new WasiError(Errno.NOTDIR);
            }
        }
        return new Resolved(List.copyOf(stack), hostPath(dir.root, stack), trailing);
    }

    private static boolean onlyDots(Deque<String> pending) {
        for (String p : pending) {
            if (!p.isEmpty() && !p.equals(".")) {
                return false;
            }
        }
        return true;
    }

    private static List<String> split(String path) {
        return List.of(path.split("/", -1));
    }
}
