package io.dayuan.notifications;

import java.time.LocalTime;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A person's quiet hours, in their time zone: SMS, push and DingTalk wait for the end; the inbox does not. */
@Entity
@Table(name = "notification_settings")
public class QuietHoursSetting {

    @Id
    public UUID personId;

    public LocalTime quietFrom;

    public LocalTime quietUntil;

    public String timeZone;
}
