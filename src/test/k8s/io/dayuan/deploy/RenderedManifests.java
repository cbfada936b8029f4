package io.dayuan.deploy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** An overlay of k8s/ rendered by kustomize (kubectl's built-in kustomize), as the documented install does. */
record RenderedManifests(String overlay, List<JsonNode> documents) {

    static final Path K8S = Path.of(System.getProperty("dayuan.k8s.dir", "k8s"));
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    static RenderedManifests render(String overlay) {
        return new RenderedManifests(overlay, parse(kustomize(K8S.resolve("overlays").resolve(overlay))));
    }

    static String kustomize(Path directory) {
        List<String> command = List.of(System.getProperty("dayuan.kubectl", "kubectl"), "kustomize",
                directory.toString());
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
            byte[] out;
            byte[] err;
            try (InputStream stdout = process.getInputStream(); InputStream stderr = process.getErrorStream()) {
                ByteArrayOutputStream errors = new ByteArrayOutputStream();
                Thread drain = new Thread(() -> {
                    try {
                        stderr.transferTo(errors);
                    } catch (IOException ignored) {
                        // the process ended
                    }
                });
                drain.start();
                out = stdout.readAllBytes();
                drain.join();
                err = errors.toByteArray();
            }
            if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: "
                        + new String(err, StandardCharsets.UTF_8));
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run " + command.get(0) + " (kubectl with kustomize is needed)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static List<JsonNode> parse(String yaml) {
        try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class).readValues(yaml)) {
            List<JsonNode> all = new ArrayList<>();
            while (documents.hasNext()) {
                JsonNode document = documents.next();
                if (document != null && !document.isNull() && !document.isEmpty()) {
                    all.add(document);
                }
            }
            return all;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    Stream<JsonNode> ofKind(String kind) {
        return documents.stream().filter(d -> kind.equals(d.path("kind").asText()));
    }

    JsonNode one(String kind, String name) {
        return ofKind(kind).filter(d -> name.equals(d.path("metadata").path("name").asText())).findFirst()
                .orElseThrow(() -> new AssertionError(overlay + ": no " + kind + " " + name));
    }
}
