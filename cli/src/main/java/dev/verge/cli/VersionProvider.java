package dev.verge.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** Answers {@code --version} from {@code version.properties}, which the build fills in. */
public final class VersionProvider implements IVersionProvider {
    /** The project version, e.g. {@code 0.1.0-SNAPSHOT}; "unknown" if the resource is missing. */
    public static String version() {
        Properties p = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // Fall through to "unknown": a missing version must not stop the command.
        }
        return p.getProperty("version", "unknown");
    }

    @Override
    public String[] getVersion() {
        return new String[] {"verge " + version()};
    }
}
