package io.dayuan.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1Ingress;
import io.kubernetes.client.openapi.models.V1NetworkPolicy;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudget;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1ServiceAccount;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscaler;

/**
 * Validates a manifest offline. Built-in kinds: with the models of the official Kubernetes Java client
 * (io.kubernetes:client-java-api, generated from the Kubernetes OpenAPI), whose validateJsonElement rejects unknown
 * fields, missing required fields and wrong JSON types at every level. CloudNativePG kinds: with the openAPIV3Schema
 * of the operator's published CRDs (vendored in src/test/resources/k8s-schemas), made strict as the API server's
 * strict field validation is (unknown fields are errors).
 */
final class KubernetesSchemas {

    interface BuiltIn {
        void validate(JsonElement element) throws IOException;
    }

    private static final Map<String, BuiltIn> BUILT_IN = Map.of(
            "v1/ConfigMap", V1ConfigMap::validateJsonElement,
            "v1/Secret", V1Secret::validateJsonElement,
            "v1/Service", V1Service::validateJsonElement,
            "v1/ServiceAccount", V1ServiceAccount::validateJsonElement,
            "apps/v1/Deployment", V1Deployment::validateJsonElement,
            "networking.k8s.io/v1/Ingress", V1Ingress::validateJsonElement,
            "networking.k8s.io/v1/NetworkPolicy", V1NetworkPolicy::validateJsonElement,
            "autoscaling/v2/HorizontalPodAutoscaler", V2HorizontalPodAutoscaler::validateJsonElement,
            "policy/v1/PodDisruptionBudget", V1PodDisruptionBudget::validateJsonElement);

    private static final Map<String, String> CRDS = Map.of(
            "postgresql.cnpg.io/v1/Cluster", "k8s-schemas/cloudnative-pg/postgresql.cnpg.io_clusters.yaml",
            "postgresql.cnpg.io/v1/ScheduledBackup", "k8s-schemas/cloudnative-pg/postgresql.cnpg.io_scheduledbackups.yaml");

    private static final Map<String, JsonSchema> CRD_SCHEMAS = new HashMap<>();

    private KubernetesSchemas() {
    }

    static Set<String> knownKinds() {
        return Stream2.concat(BUILT_IN.keySet(), CRDS.keySet());
    }

    /** The problems of one manifest; empty when it is valid. */
    static Set<String> problems(JsonNode manifest) {
        String key = manifest.path("apiVersion").asText() + "/" + manifest.path("kind").asText();
        BuiltIn builtIn = BUILT_IN.get(key);
        if (builtIn != null) {
            try {
                builtIn.validate(JsonParser.parseString(manifest.toString()));
                return Set.of();
            } catch (IOException | RuntimeException e) {
                return Set.of(e.getMessage());
            }
        }
        if (CRDS.containsKey(key)) {
            return crdSchema(key).validate(manifest).stream().map(ValidationMessage::getMessage)
                    .collect(Collectors.toSet());
        }
        return Set.of("no schema for " + key + ": add it to KubernetesSchemas");
    }

    private static synchronized JsonSchema crdSchema(String key) {
        return CRD_SCHEMAS.computeIfAbsent(key, k -> {
            String version = k.split("/")[1];
            try (InputStream crd = KubernetesSchemas.class.getClassLoader().getResourceAsStream(CRDS.get(k))) {
                JsonNode definition = RenderedManifests.YAML.readTree(crd);
                for (JsonNode served : definition.path("spec").path("versions")) {
                    if (version.equals(served.path("name").asText())) {
                        ObjectNode schema = (ObjectNode) served.path("schema").path("openAPIV3Schema").deepCopy();
                        strict(schema);
                        // what every object has, as the API server adds it
                        ObjectNode properties = (ObjectNode) schema.path("properties");
                        properties.putObject("metadata").put("type", "object");
                        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(schema);
                    }
                }
                throw new IllegalStateException("CRD " + CRDS.get(k) + " does not serve " + version);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** Unknown fields are errors, except where the CRD says to keep them (x-kubernetes-preserve-unknown-fields). */
    private static void strict(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (object.has("properties") && !object.has("additionalProperties")
                    && !object.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
                object.put("additionalProperties", false);
            }
            for (Iterator<JsonNode> children = object.elements(); children.hasNext();) {
                strict(children.next());
            }
        } else if (node != null && node.isArray()) {
            node.forEach(KubernetesSchemas::strict);
        }
    }

    private static final class Stream2 {
        static Set<String> concat(Set<String> a, Set<String> b) {
            return java.util.stream.Stream.concat(a.stream(), b.stream()).collect(Collectors.toSet());
        }
    }
}
