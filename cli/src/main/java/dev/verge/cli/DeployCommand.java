package dev.verge.cli;

import dev.verge.core.VergeException;
import dev.verge.edge.manifest.AppManifest;
import dev.verge.edge.manifest.ManifestParser;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code verge deploy}: talks to a running edge host's admin API. Deploys the app in a directory
 * (app.wasm, verge.toml and the files directory its manifest names), or lists, rolls back or
 * deletes apps.
 */
@Command(
        name = "deploy",
        header = "Deploys, lists, rolls back or deletes apps on an edge host.",
        description = {
            "DIR holds app.wasm and verge.toml (and the files directory the manifest names, if "
                    + "any). The server compiles the module first and swaps the new version in "
                    + "atomically; earlier versions stay for --rollback.",
            "The token is --token, else $VERGE_ADMIN_TOKEN, else the file --token-file names "
                    + "(default: the default store's admin-token).",
        },
        footer = {"", "Exit status: 0 done, 1 the server refused (its reason is printed), 2 wrong usage or no server."})
public final class DeployCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--admin", paramLabel = "URL", defaultValue = "http://127.0.0.1:8081",
            description = "The admin API (default: ${DEFAULT-VALUE}).")
    String adminUrl;

    @Option(names = "--token", paramLabel = "TOKEN", description = "The admin bearer token.")
    String token;

    @Option(names = "--token-file", paramLabel = "FILE", description = "A file holding the admin token.")
    Path tokenFile;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Action action;

    static final class Action {
        @Parameters(paramLabel = "DIR", description = "The app directory to deploy.")
        Path dir;

        @Option(names = "--list", description = "List the apps served.")
        boolean list;

        @Option(names = "--rollback", paramLabel = "APP", description = "Serve APP's previous version (or --to N).")
        String rollback;

        @Option(names = "--delete", paramLabel = "APP", description = "Stop serving APP and remove it.")
        String delete;
    }

    @Option(names = "--to", paramLabel = "N", description = "With --rollback: the version to serve.")
    Integer toVersion;

    @Override
    public Integer call() {
        String bearer = token();
        HttpRequest.Builder request;
        if (action.list) {
            request = request("/apps", bearer).GET();
        } else if (action.rollback != null) {
            request = request("/apps/" + action.rollback + "/rollback" + (toVersion == null ? "" : "?version=" + toVersion), bearer)
                    .POST(HttpRequest.BodyPublishers.noBody());
        } else if (action.delete != null) {
            request = request("/apps/" + action.delete, bearer).DELETE();
        } else {
            Bundle b = bundle(action.dir);
            request = request("/apps/" + b.name(), bearer)
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(b.json()));
        }
        HttpResponse<String> response;
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()) {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new CliFailure("cannot reach the admin API at " + adminUrl + ": " + e.getMessage(), VergeCommand.USAGE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliFailure("interrupted", VergeCommand.USAGE);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(response.body());
        out.flush();
        return response.statusCode() / 100 == 2 ? 0 : response.statusCode() == 401 ? VergeCommand.USAGE : 1;
    }

    private HttpRequest.Builder request(String path, String bearer) {
        try {
            return HttpRequest.newBuilder(URI.create(adminUrl.replaceAll("/+$", "") + path))
                    .timeout(Duration.ofMinutes(2))
                    .header("Authorization", "Bearer " + bearer);
        } catch (IllegalArgumentException e) {
            throw new CliFailure("--admin: not a URL: " + adminUrl, VergeCommand.USAGE);
        }
    }

    private String token() {
        if (token != null) {
            return token.trim();
        }
        String env = System.getenv("VERGE_ADMIN_TOKEN");
        if (env != null && !env.isBlank()) {
            return env.trim();
        }
        Path file = tokenFile != null ? tokenFile : ServeCommand.defaultStore().resolve("admin-token");
        try {
            return Files.readString(file).trim();
        } catch (IOException e) {
            throw new CliFailure("no admin token: give --token or --token-file (cannot read " + file + ")", VergeCommand.USAGE);
        }
    }

    /** An app directory read into the admin API's deploy request. */
    record Bundle(String name, String json) {}

    static Bundle bundle(Path dir) {
        try {
            String manifest = Files.readString(dir.resolve("verge.toml"));
            byte[] module = Files.readAllBytes(dir.resolve("app.wasm"));
            AppManifest m = ManifestParser.parse(manifest);
            StringBuilder json = new StringBuilder("{\"manifest\":").append(jsonString(manifest))
                    .append(",\"module\":\"").append(Base64.getEncoder().encodeToString(module)).append("\",\"files\":{");
            if (m.filesDir() != null) {
                Path files = dir.resolve(m.filesDir());
                List<Path> all;
                try (Stream<Path> s = Files.walk(files)) {
                    all = s.filter(Files::isRegularFile).sorted().toList();
                }
                String sep = "";
                for (Path f : all) {
                    String rel = m.filesDir() + "/" + files.relativize(f).toString().replace('\\', '/');
                    json.append(sep).append(jsonString(rel)).append(":\"")
                            .append(Base64.getEncoder().encodeToString(Files.readAllBytes(f))).append('"');
                    sep = ",";
                }
            }
            return new Bundle(m.name(), json.append("}}").toString());
        } catch (IOException e) {
            throw new CliFailure("cannot read the app in " + dir + ": " + e.getMessage(), VergeCommand.USAGE);
        } catch (VergeException e) {
            throw new CliFailure(dir.resolve("verge.toml") + ": " + e.getMessage(), 1);
        }
    }

    private static String jsonString(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
