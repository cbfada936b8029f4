package io.dayuan.visits.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;

import io.dayuan.platform.ApiException;
import io.dayuan.platform.Clock;
import io.dayuan.visits.BlockKind;
import io.dayuan.visits.BlocklistEntry;
import io.dayuan.visits.repository.BlocklistRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** The admins' blocklist of phones, ID cards (kept as keyed hashes) and plates. */
@ApplicationScoped
public class BlocklistService {

    @Description("A phone, ID-card number or plate that may not visit")
    public record NewBlock(@NotNull BlockKind kind,
            @Description("The phone, the ID-card number (stored only as its keyed hash) or the plate")
            @NotBlank @Size(max = 40) String value, @Size(max = 500) String reason) {
    }

    @Inject
    BlocklistRepository repository;

    @Inject
    VisitCrypto crypto;

    @Inject
    Clock clock;

    public Uni<BlocklistEntry> block(UUID adminId, NewBlock input) {
        BlocklistEntry entry = new BlocklistEntry();
        entry.kind = input.kind();
        entry.value = switch (input.kind()) {
            case PHONE -> VisitorInput.mobile("value", input.value());
            case PLATE -> VisitorInput.plate("value", input.value());
            case ID_CARD -> crypto.idCardHash(VisitorInput.idCard("value", input.value()));
        };
        entry.reason = input.reason() == null || input.reason().isBlank() ? null : input.reason().strip();
        entry.createdBy = adminId;
        entry.createdAt = clock.now();
        return store(entry);
    }

    @WithTransaction
    Uni<BlocklistEntry> store(BlocklistEntry entry) {
        return repository.listed(entry.kind, entry.value).chain(listed -> {
            if (listed) {
                throw ApiException.conflict("This " + entry.kind + " is blocklisted already");
            }
            return repository.persist(entry);
        });
    }

    @WithTransaction
    public Uni<Boolean> unblock(UUID id) {
        return repository.deleteById(id).map(deleted -> {
            if (!deleted) {
                throw ApiException.notFound("Blocklist entry", id);
            }
            return true;
        });
    }
}
