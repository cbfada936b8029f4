package io.dayuan.visits;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

import io.dayuan.platform.Identified;

/** A phone, ID card (by its keyed hash) or plate that may not visit. */
@Entity
@Table(name = "visit_blocklist")
@Description("A phone, ID card or plate that may not visit")
public class BlocklistEntry extends Identified {

    @NonNull
    @Enumerated(EnumType.STRING)
    public BlockKind kind;

    @NonNull
    @Description("The phone (E.164), the plate, or for an ID card its keyed hash")
    public String value;

    public String reason;

    @Ignore
    public UUID createdBy;

    @NonNull
    public OffsetDateTime createdAt;
}
