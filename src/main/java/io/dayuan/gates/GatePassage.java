package io.dayuan.gates;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

import io.dayuan.platform.Identified;

/** Someone or a vehicle going through a gate; the site's presence (who is inside) is made of these. */
@Entity
@Description("Someone or a vehicle going through a gate")
public class GatePassage extends Identified {

    @Ignore
    public UUID siteId;

    @Ignore
    public UUID gateId;

    @NonNull
    @Enumerated(EnumType.STRING)
    public Direction direction;

    @NonNull
    @Enumerated(EnumType.STRING)
    public PassageSource source;

    @NonNull
    @Enumerated(EnumType.STRING)
    public SubjectKind subjectKind;

    @Ignore
    public String subjectKey;

    @NonNull
    public String holderName;

    public String plate;

    @Ignore
    public UUID personId;

    @Description("The visit, for a visitor")
    @org.eclipse.microprofile.graphql.Id
    public UUID visitId;

    @Description("The pass that was scanned, if any")
    @org.eclipse.microprofile.graphql.Id
    public UUID passId;

    @Ignore
    public UUID recordedBy;

    @NonNull
    public OffsetDateTime passedAt;
}
