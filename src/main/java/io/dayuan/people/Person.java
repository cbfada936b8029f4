package io.dayuan.people;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** Someone who signed in: staff, guards, the canteen manager, the property company, admins. */
@Entity
@Description("A person known from their sign-in token")
public class Person {

    @Id
    @GeneratedValue
    public UUID id;

    @Ignore
    public String subject;

    public String name;

    public String phone;

    @Ignore
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "roles")
    public List<String> roleNames;

    @Description("'en' for English texts, null for Simplified Chinese")
    public String locale;

    @Ignore
    @CreationTimestamp
    public OffsetDateTime createdAt;

    @Description("The roles of the person's token")
    public List<Role> getRoles() {
        return roleNames == null ? List.of() : roleNames.stream().flatMap(Role::fromTokenRole).toList();
    }
}
