package io.dayuan.notifications;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The channels a person wants for one kind of notification. */
@Entity
@IdClass(NotificationPreference.Key.class)
public class NotificationPreference {

    public static class Key implements Serializable {
        public UUID personId;
        public String kind;

        public Key() {
        }

        public Key(UUID personId, String kind) {
            this.personId = personId;
            this.kind = kind;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(personId, key.personId) && Objects.equals(kind, key.kind);
        }

        @Override
        public int hashCode() {
            return Objects.hash(personId, kind);
        }
    }

    @Id
    public UUID personId;

    @Id
    public String kind;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> channels;
}
