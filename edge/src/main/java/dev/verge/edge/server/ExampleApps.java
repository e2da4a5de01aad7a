package dev.verge.edge.server;

import dev.verge.edge.store.StoreException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The example apps bundled in the jar, deployed into a fresh store so a newcomer sees it work. */
final class ExampleApps {
    private static final String BASE = "/dev/verge/edge/examples/";

    private ExampleApps() {}

    /** Deploys every bundled example; returns their names. */
    static List<String> deployAll(AppRegistry registry) {
        List<String> names = new ArrayList<>();
        for (String name : resource("list.txt").lines().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList()) {
            byte[] module = bytes(name + "/app.wasm");
            String manifest = resource(name + "/verge.toml");
            registry.deploy(module, manifest, Map.of());
            names.add(name);
        }
        return names;
    }

    private static String resource(String path) {
        return new String(bytes(path), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String path) {
        try (InputStream in = ExampleApps.class.getResourceAsStream(BASE + path)) {
            if (in == null) {
                throw new StoreException("bundled example missing: " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new StoreException("cannot read bundled example " + path + ": " + e.getMessage(), e);
        }
    }
}
