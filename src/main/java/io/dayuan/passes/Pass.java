package io.dayuan.passes;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.dayuan.platform.Clock;
import io.dayuan.platform.Identified;

/** A signed QR credential (通行证) of a person or a vehicle for one or more sites and a time window. */
@Entity
@Description("A pass (通行证): a signed QR credential for a person or a vehicle")
public class Pass extends Identified {

    @NonNull
    @Enumerated(EnumType.STRING)
    public PassKind kind;

    @NonNull
    public String holderName;

    @Description("The vehicle's plate (required for VEHICLE passes)")
    public String plate;

    @Ignore
    public UUID personId;

    @Ignore
    public UUID visitId;

    /** Set on a staff member's own pass (myPass): the site it was asked for. */
    @Ignore
    public UUID personalSite;

    @Ignore
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "site_ids")
    public List<UUID> siteIds;

    @NonNull
    @Description("Admitted once: one entry, then one exit (visit passes)")
    public boolean admitOnce;

    @Ignore
    @Enumerated(EnumType.STRING)
    public AdmitState admitState;

    @NonNull
    public OffsetDateTime validFrom;

    @NonNull
    public OffsetDateTime validUntil;

    /** Raised by a re-issue: codes of an older generation scan as REVOKED. */
    @Ignore
    public int generation;

    @Description("When the pass was revoked")
    public OffsetDateTime revokedAt;

    @Description("Why the pass was revoked")
    public String revokedReason;

    @Ignore
    public UUID issuedBy;

    @Ignore
    @CreationTimestamp
    public OffsetDateTime createdAt;

    @Description("A staff member's own pass, shown by the app with a short-lived code")
    @NonNull
    public boolean isPersonal() {
        return personalSite != null;
    }

    @NonNull
    public PassStatus getStatus() {
        if (revokedAt != null) {
            return PassStatus.REVOKED;
        }
        if (admitState == AdmitState.USED) {
            return PassStatus.USED;
        }
        return validUntil.isBefore(Clock.current()) ? PassStatus.EXPIRED : PassStatus.ACTIVE;
    }
}
