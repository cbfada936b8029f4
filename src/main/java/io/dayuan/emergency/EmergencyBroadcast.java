package io.dayuan.emergency;

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

/** One emergency broadcast (紧急信息报送) to the people of a site and the DingTalk emergency group, as logged. */
@Entity
@Table(name = "emergency_broadcast")
@Description("An emergency message sent to every person of a site on all their channels and to the DingTalk "
        + "emergency group, with who sent it")
public class EmergencyBroadcast extends Identified {

    /** What became of the message to the DingTalk emergency group. */
    @Description("What became of the message to the DingTalk emergency group: SENT, FAILED (see groupError), "
            + "NOT_CONFIGURED (no group robot set), PENDING (under way)")
    public enum GroupStatus {
        PENDING,
        SENT,
        FAILED,
        NOT_CONFIGURED
    }

    @Ignore
    public UUID siteId;

    @Ignore
    public UUID sentBy;

    @NonNull
    public String title;

    @NonNull
    public String body;

    @NonNull
    @Description("How many people of the site it was sent to")
    public int recipients;

    @NonNull
    @Enumerated(EnumType.STRING)
    public GroupStatus groupStatus;

    @Description("Why the DingTalk group did not get it")
    public String groupError;

    @NonNull
    public OffsetDateTime sentAt;
}
