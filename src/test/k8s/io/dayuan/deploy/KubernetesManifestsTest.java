package io.dayuan.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The manifests of k8s/, rendered by kustomize exactly as installed, validated offline against the Kubernetes API
 * schemas, and checked for what the deployment promises. Run: ./mvnw test -Pk8s-validate (needs kubectl).
 */
class KubernetesManifestsTest {

    private static final List<String> OVERLAYS = List.of("single-town", "production");

    @ParameterizedTest
    @ValueSource(strings = { "single-town", "production" })
    void everyRenderedManifestIsValidAgainstTheKubernetesSchemas(String overlay) {
        RenderedManifests rendered = RenderedManifests.render(overlay);
        assertThat(rendered.documents()).hasSizeGreaterThan(8);
        List<String> problems = new ArrayList<>();
        for (JsonNode manifest : rendered.documents()) {
            KubernetesSchemas.problems(manifest).forEach(problem -> problems.add(overlay + " "
                    + manifest.path("kind").asText() + "/" + manifest.path("metadata").path("name").asText() + ": "
                    + problem));
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theValidatorRejectsUnknownFieldsMissingRequiredFieldsAndWrongTypes() {
        RenderedManifests production = RenderedManifests.render("production");

        ObjectNode misspelt = production.one("Deployment", "dayuan").deepCopy();
        ((ObjectNode) container(misspelt)).set("readinessProbes", container(misspelt).path("readinessProbe"));
        assertThat(KubernetesSchemas.problems(misspelt)).isNotEmpty();

        ObjectNode nameless = production.one("Deployment", "dayuan").deepCopy();
        ((ObjectNode) container(nameless)).remove("name");
        assertThat(KubernetesSchemas.problems(nameless)).isNotEmpty();

        ObjectNode badService = production.one("Service", "dayuan").deepCopy();
        ((ObjectNode) badService.path("spec")).put("clusterIp", "None");
        assertThat(KubernetesSchemas.problems(badService)).isNotEmpty();

        ObjectNode cluster = production.one("Cluster", "dayuan-db").deepCopy();
        ((ObjectNode) cluster.path("spec")).put("instances", "two");
        assertThat(KubernetesSchemas.problems(cluster)).isNotEmpty();
        ObjectNode typo = production.one("Cluster", "dayuan-db").deepCopy();
        ((ObjectNode) typo.path("spec").path("backup")).set("barmanObjectStores",
                typo.path("spec").path("backup").path("barmanObjectStore"));
        assertThat(KubernetesSchemas.problems(typo)).isNotEmpty();

        ObjectNode unknownKind = production.one("Service", "dayuan").deepCopy();
        unknownKind.put("kind", "Servise");
        assertThat(KubernetesSchemas.problems(unknownKind)).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "single-town", "production" })
    void theDeploymentIsProbedSizedAndLockedDown(String overlay) {
        JsonNode deployment = RenderedManifests.render(overlay).one("Deployment", "dayuan");
        JsonNode pod = deployment.path("spec").path("template").path("spec");
        JsonNode container = container(deployment);

        assertThat(container.path("readinessProbe").path("httpGet").path("path").asText()).isEqualTo("/q/health/ready");
        assertThat(container.path("livenessProbe").path("httpGet").path("path").asText()).isEqualTo("/q/health/live");
        assertThat(container.path("startupProbe").path("httpGet").path("path").asText()).isEqualTo("/q/health/started");

        JsonNode resources = container.path("resources");
        for (String kind : List.of("cpu", "memory")) {
            assertThat(resources.path("requests").path(kind).asText()).as("requests." + kind).isNotBlank();
        }
        assertThat(resources.path("limits").path("memory").asText()).isNotBlank();
        assertThat(resources.path("limits").path("cpu").asText()).isNotBlank();

        assertThat(pod.path("securityContext").path("runAsNonRoot").asBoolean()).isTrue();
        assertThat(pod.path("securityContext").path("seccompProfile").path("type").asText()).isEqualTo("RuntimeDefault");
        assertThat(pod.path("automountServiceAccountToken").asBoolean(true)).isFalse();
        JsonNode security = container.path("securityContext");
        assertThat(security.path("runAsNonRoot").asBoolean()).isTrue();
        assertThat(security.path("readOnlyRootFilesystem").asBoolean()).isTrue();
        assertThat(security.path("allowPrivilegeEscalation").asBoolean(true)).isFalse();
        assertThat(security.path("privileged").asBoolean(false)).isFalse();
        assertThat(texts(security.path("capabilities").path("drop"))).containsExactly("ALL");
        assertThat(security.path("capabilities").path("add").isMissingNode()).isTrue();
        assertThat(security.path("seccompProfile").path("type").asText()).isEqualTo("RuntimeDefault");

        JsonNode tmpMount = stream(container.path("volumeMounts"))
                .filter(m -> m.path("mountPath").asText().equals("/tmp")).findFirst().orElseThrow();
        JsonNode tmpVolume = stream(pod.path("volumes"))
                .filter(v -> v.path("name").asText().equals(tmpMount.path("name").asText())).findFirst().orElseThrow();
        assertThat(tmpVolume.has("emptyDir")).isTrue();
    }

    @Test
    void aSingleTownRunsOneReplicaOnAnExternalDatabase() {
        RenderedManifests town = RenderedManifests.render("single-town");
        assertThat(town.one("Deployment", "dayuan").path("spec").path("replicas").asInt()).isEqualTo(1);
        assertThat(town.ofKind("Cluster")).isEmpty();
        assertThat(town.ofKind("HorizontalPodAutoscaler")).isEmpty();
        JsonNode config = configMap(town, "dayuan-config").path("data");
        assertThat(config.path("QUARKUS_DATASOURCE_REACTIVE_URL").asText()).startsWith("postgresql://");
        assertThat(config.path("QUARKUS_DATASOURCE_JDBC_URL").asText()).startsWith("jdbc:postgresql://");
        assertThat(config.path("QUARKUS_OIDC_AUTH_SERVER_URL").asText()).endsWith("/realms/dayuan");
    }

    @Test
    void productionScalesOutSurvivesDisruptionAndBacksItsDatabaseUp() {
        RenderedManifests production = RenderedManifests.render("production");
        assertThat(production.one("Deployment", "dayuan").path("spec").path("replicas").asInt()).isGreaterThan(1);

        JsonNode hpa = production.one("HorizontalPodAutoscaler", "dayuan").path("spec");
        assertThat(hpa.path("scaleTargetRef").path("name").asText()).isEqualTo("dayuan");
        assertThat(hpa.path("minReplicas").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(hpa.path("maxReplicas").asInt()).isGreaterThan(hpa.path("minReplicas").asInt());

        JsonNode pdb = production.one("PodDisruptionBudget", "dayuan").path("spec");
        assertThat(pdb.path("selector").path("matchLabels").path("app.kubernetes.io/name").asText()).isEqualTo("dayuan");
        assertThat(pdb.path("maxUnavailable").asInt()).isEqualTo(1);

        for (String name : List.of("dayuan-db", "keycloak-db")) {
            JsonNode cluster = production.one("Cluster", name).path("spec");
            assertThat(cluster.path("instances").asInt()).as(name + " primary and replica").isGreaterThanOrEqualTo(2);
            JsonNode store = cluster.path("backup").path("barmanObjectStore");
            assertThat(store.path("endpointURL").asText()).startsWith("https://").doesNotContain("replaced-by-kustomize");
            assertThat(store.path("destinationPath").asText()).startsWith("s3://").doesNotContain("replaced-by-kustomize");
            assertThat(store.path("s3Credentials").path("accessKeyId").path("name").asText()).isEqualTo("dayuan-backup-s3");
            assertThat(store.path("s3Credentials").path("secretAccessKey").path("name").asText()).isEqualTo("dayuan-backup-s3");
            assertThat(cluster.path("backup").path("retentionPolicy").asText()).isNotBlank();
            assertThat(production.ofKind("ScheduledBackup")
                    .filter(b -> b.path("spec").path("cluster").path("name").asText().equals(name))).hasSize(1);
        }
        JsonNode config = configMap(production, "dayuan-config").path("data");
        assertThat(config.path("QUARKUS_DATASOURCE_REACTIVE_URL").asText()).isEqualTo("postgresql://dayuan-db-rw:5432/dayuan");
        assertThat(env(container(production.one("Deployment", "dayuan")), "QUARKUS_DATASOURCE_PASSWORD")
                .path("valueFrom").path("secretKeyRef").path("name").asText()).isEqualTo("dayuan-db-app");
    }

    @Test
    void productionRunsKeycloakWithTheProjectsRealmButNotTheDemoUsers() throws Exception {
        RenderedManifests production = RenderedManifests.render("production");
        JsonNode keycloak = production.one("Deployment", "keycloak");
        assertThat(texts(container(keycloak).path("args"))).contains("start", "--import-realm");
        JsonNode realmFile = configMap(production, "keycloak-realm").path("data").path("dayuan-realm.json");
        JsonNode realm = RenderedManifests.YAML.readTree(realmFile.asText());
        assertThat(realm.path("realm").asText()).isEqualTo("dayuan");
        assertThat(stream(realm.path("users")).filter(u -> u.has("credentials"))).isEmpty();
        JsonNode mount = stream(container(keycloak).path("volumeMounts"))
                .filter(m -> m.path("mountPath").asText().equals("/opt/keycloak/data/import")).findFirst().orElseThrow();
        assertThat(mount.path("readOnly").asBoolean()).isTrue();
        assertThat(container(keycloak).path("securityContext").path("allowPrivilegeEscalation").asBoolean(true)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = { "single-town", "production" })
    void onlyTheIngressControllerGetsInAndOnlyTheDatabaseIdentityProviderDnsDevicesAndProvidersAreReached(String overlay) {
        RenderedManifests rendered = RenderedManifests.render(overlay);
        List<JsonNode> policies = rendered.ofKind("NetworkPolicy").filter(p -> "dayuan".equals(
                p.path("spec").path("podSelector").path("matchLabels").path("app.kubernetes.io/name").asText())).toList();
        assertThat(policies).isNotEmpty();
        assertThat(policies).anySatisfy(p -> assertThat(texts(p.path("spec").path("policyTypes")))
                .contains("Ingress", "Egress"));

        List<JsonNode> ingress = policies.stream().flatMap(p -> stream(p.path("spec").path("ingress"))).toList();
        assertThat(ingress).hasSize(1);
        JsonNode from = ingress.get(0).path("from").get(0);
        assertThat(from.path("namespaceSelector").path("matchLabels").path("kubernetes.io/metadata.name").asText())
                .isEqualTo("ingress-nginx");
        assertThat(ingress.get(0).path("ports").get(0).path("port").asInt()).isEqualTo(8080);

        Set<String> egress = policies.stream().flatMap(p -> stream(p.path("spec").path("egress")))
                .map(rule -> describe(rule)).collect(Collectors.toSet());
        String devices = configMapData(rendered, "dayuan-network", "DEVICE_NETWORK_CIDR", "10.99.0.0/16");
        if (overlay.equals("production")) {
            assertThat(egress).containsExactlyInAnyOrder("dns:53", "pods cnpg.io/cluster=dayuan-db:5432",
                    "pods app.kubernetes.io/name=keycloak:8080", "cidr " + devices + ":any", "cidr 0.0.0.0/0:443");
        } else {
            assertThat(egress).containsExactlyInAnyOrder("dns:53", "cidr 10.20.0.15/32:5432", "cidr 10.20.0.16/32:443",
                    "cidr 192.168.50.0/24:any", "cidr 0.0.0.0/0:443");
        }
        // the notification providers: public addresses only, not the cluster, private networks or cloud metadata
        JsonNode providers = policies.stream().flatMap(p -> stream(p.path("spec").path("egress")))
                .map(rule -> rule.path("to").get(0).path("ipBlock"))
                .filter(block -> block.path("cidr").asText().equals("0.0.0.0/0")).findFirst().orElseThrow();
        assertThat(texts(providers.path("except"))).contains("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16",
                "169.254.0.0/16");
    }

    @Test
    void theIngressKeepsSubscriptionWebSocketsOpen() {
        for (String overlay : OVERLAYS) {
            JsonNode ingress = RenderedManifests.render(overlay).one("Ingress", "dayuan");
            JsonNode annotations = ingress.path("metadata").path("annotations");
            assertThat(Integer.parseInt(annotations.path("nginx.ingress.kubernetes.io/proxy-read-timeout").asText()))
                    .isGreaterThanOrEqualTo(3600);
            assertThat(Integer.parseInt(annotations.path("nginx.ingress.kubernetes.io/proxy-send-timeout").asText()))
                    .isGreaterThanOrEqualTo(3600);
            JsonNode path = ingress.path("spec").path("rules").get(0).path("http").path("paths").get(0);
            assertThat(path.path("path").asText()).isEqualTo("/graphql");
            assertThat(path.path("backend").path("service").path("name").asText()).isEqualTo("dayuan");
        }
    }

    @Test
    void noSecretValueIsInTheRepository() {
        for (String overlay : OVERLAYS) {
            RenderedManifests rendered = RenderedManifests.render(overlay);
            assertThat(rendered.ofKind("Secret")).as(overlay + " renders no Secret").isEmpty();
            rendered.ofKind("ConfigMap").forEach(map -> map.path("data").fieldNames().forEachRemaining(key ->
                    assertThat(key).as(overlay + " ConfigMap key").doesNotContainIgnoringCase("password")
                            .doesNotContainIgnoringCase("secret")));
            rendered.ofKind("Deployment").flatMap(d -> stream(d.path("spec").path("template").path("spec")
                    .path("containers"))).flatMap(c -> stream(c.path("env"))).forEach(variable -> {
                        String name = variable.path("name").asText();
                        if (name.matches(".*(PASSWORD|SECRET|TOKEN|PRIVATE|USERNAME).*")) {
                            assertThat(variable.has("value")).as(overlay + " " + name + " is a literal").isFalse();
                        }
                    });
            assertThat(rendered.ofKind("Deployment").filter(d -> d.path("metadata").path("name").asText().equals("dayuan"))
                    .flatMap(d -> stream(container(d).path("envFrom")))
                    .map(e -> e.path("secretRef").path("name").asText())).contains("dayuan-secrets");
        }
    }

    private static String describe(JsonNode rule) {
        String port = rule.path("ports").isMissingNode() ? "any" : rule.path("ports").get(0).path("port").asText();
        JsonNode to = rule.path("to").get(0);
        if (to.has("ipBlock")) {
            return "cidr " + to.path("ipBlock").path("cidr").asText() + ":" + port;
        }
        if (to.path("podSelector").path("matchLabels").path("k8s-app").asText().equals("kube-dns")) {
            return "dns:" + port;
        }
        JsonNode labels = to.path("podSelector").path("matchLabels");
        String label = labels.fieldNames().next();
        return "pods " + label + "=" + labels.path(label).asText() + ":" + port;
    }

    private static String configMapData(RenderedManifests rendered, String name, String key, String orElse) {
        return rendered.ofKind("ConfigMap").filter(m -> m.path("metadata").path("name").asText().startsWith(name + "-"))
                .map(m -> m.path("data").path(key).asText(orElse)).findFirst().orElse(orElse);
    }

    private static JsonNode configMap(RenderedManifests rendered, String name) {
        return rendered.ofKind("ConfigMap").filter(m -> m.path("metadata").path("name").asText().startsWith(name + "-"))
                .findFirst().orElseThrow(() -> new AssertionError("no ConfigMap " + name));
    }

    private static JsonNode container(JsonNode deployment) {
        return deployment.path("spec").path("template").path("spec").path("containers").get(0);
    }

    private static JsonNode env(JsonNode container, String name) {
        return stream(container.path("env")).filter(e -> e.path("name").asText().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no env " + name));
    }

    private static Stream<JsonNode> stream(JsonNode array) {
        return array instanceof ArrayNode ? StreamSupport.stream(array.spliterator(), false) : Stream.empty();
    }

    private static List<String> texts(JsonNode array) {
        return stream(array).map(JsonNode::asText).toList();
    }
}
