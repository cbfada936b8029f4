package io.dayuan.visits;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Transient;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.dayuan.platform.Cursor;
import io.dayuan.platform.Identified;
import io.quarkus.qute.TemplateData;

/** A visitor expected at a site in a time window (访客预约). The visit's pass is added by the passes feature. */
@Entity
@Description("A visitor expected at a site in a time window")
// the visitor pages render visits: never the link token (no accessor exists for the transient field either)
@TemplateData(ignore = "visitorToken")
public class Visit extends Identified {

    @Ignore
    public UUID siteId;

    @Ignore
    public UUID hostId;

    /** why a request without a known host (or from a blocklisted visitor) was parked; never shown */
    @Ignore
    public String parkedReason;

    @NonNull
    @Enumerated(EnumType.STRING)
    public VisitStatus status;

    @NonNull
    public String visitorName;

    @NonNull
    @Description("The visitor's mobile number, E.164")
    public String visitorPhone;

    public String purpose;

    @Description("The vehicle's licence plate, normalised (upper case, no spaces)")
    public String plate;

    @Ignore
    public String idCardHash;

    @Description("The last four characters of the visitor's ID-card number, if one was given")
    public String idCardLast4;

    @NonNull
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "companion_names")
    @Description("Names of the people coming with the visitor, as far as known")
    public List<@NonNull String> companionNames;

    @NonNull
    @Description("How many people come with the visitor")
    public Integer companionCount;

    @NonNull
    public OffsetDateTime arriveFrom;

    @NonNull
    public OffsetDateTime arriveUntil;

    @Ignore
    public String tokenHash;

    @Description("When the visitor consented to face recognition, if they did")
    public OffsetDateTime faceConsentAt;

    @Description("The version of the consent text the visitor agreed to")
    public String faceConsentVersion;

    public String rejectReason;

    public String cancelReason;

    @Ignore
    public UUID decidedBy;

    public OffsetDateTime checkedInAt;

    public OffsetDateTime checkedOutAt;

    @Ignore
    @org.hibernate.annotations.CreationTimestamp
    public OffsetDateTime createdAt;

    /** When the host of a requested visit was told of it ({@code HostNotices}); null until then. */
    @Ignore
    public OffsetDateTime hostNotifiedAt;

    /** The visitor link token, only in the answer of the operation that created the visit. */
    @Transient
    @Description("The visitor's link token (for the visitor's page, without an account); only in the answer to "
            + "inviteVisitor, null everywhere else")
    public String visitorToken;

    @Ignore
    public boolean parked() {
        return hostId == null;
    }

    @Description("Where myVisits goes on after this visit: pass it as `after`")
    public @NonNull String getCursor() {
        return new Cursor(arriveFrom, id).encode();
    }
}
