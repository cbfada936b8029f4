package io.dayuan.people;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.dayuan.platform.Identified;

/** Someone who signed in: staff, guards, the canteen manager, the property company, admins. */
@Entity
@Description("A person known from their sign-in token")
public class Person extends Identified {

    @Ignore
    public String subject;

    @NonNull
    public String name;

    /** Personal information: served by {@code PeopleApi.phone}, to those who may see it. */
    @Ignore
    public String phone;

    @Ignore
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "roles")
    public List<String> roleNames;

    /** The person's home site (e.g. the compound a guard works at); null when not assigned to a site. */
    @Ignore
    public UUID siteId;

    @Column(name = "dingtalk_user_id")
    @Description("The person's user id in the organisation's DingTalk, which work notices go to; null: none")
    public String dingTalkUserId;

    @Description("'en' for English texts, null for Simplified Chinese")
    public String locale;

    @Ignore
    @CreationTimestamp
    public OffsetDateTime createdAt;

    @Description("The roles of the person's token")
    public @NonNull List<@NonNull Role> getRoles() {
        return roleNames == null ? List.of() : roleNames.stream().flatMap(Role::fromTokenRole).toList();
    }
}
