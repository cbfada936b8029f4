package io.dayuan.platform;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.smallrye.mutiny.Uni;

/** The answer of a GraphQL batch resolver: one lookup for many ids, given back in their order. */
public final class Batches {

    private Batches() {
    }

    /**
     * Looks the distinct non-null ids up at once and answers, for each id asked for, its entity (null for a null id
     * or one not found). The list is mutable, as SmallRye's batch results may be.
     */
    public static <T extends Identified> Uni<List<T>> inOrderOf(List<UUID> ids,
            Function<Set<UUID>, Uni<List<T>>> lookup) {
        Set<UUID> wanted = ids.stream().filter(Objects::nonNull).collect(Collectors.toSet());
        Uni<List<T>> found = wanted.isEmpty() ? Uni.createFrom().item(List.of()) : lookup.apply(wanted);
        return found.map(entities -> {
            Map<UUID, T> byId = entities.stream().collect(Collectors.toMap(entity -> entity.id, entity -> entity));
            return ids.stream().map(id -> id == null ? null : byId.get(id)).collect(Collectors.toList());
        });
    }
}
