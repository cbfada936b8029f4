package io.dayuan.rooms.service;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.dayuan.people.Caller;
import io.dayuan.people.Person;
import io.dayuan.platform.ApiException;
import io.dayuan.platform.Clock;
import io.dayuan.platform.Ids;
import io.dayuan.rooms.ServiceTask;
import io.dayuan.rooms.ServiceTaskStatus;
import io.dayuan.rooms.repository.ServiceTaskRepository;
import io.dayuan.sites.repository.SiteRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ServiceTaskService {

    @Inject
    Clock clock;

    @Inject
    ServiceTaskRepository tasks;

    @Inject
    SiteRepository sites;

    @Inject
    Caller caller;

    /** A site's tasks due on a day of the site's time zone. */
    public Uni<List<ServiceTask>> ofDay(String siteId, LocalDate date, boolean includeCancelled) {
        UUID site = Ids.parse("siteId", siteId);
        return sites.require(site).chain(found -> {
            OffsetDateTime from = date.atStartOfDay(found.zone()).toOffsetDateTime();
            OffsetDateTime to = date.plusDays(1).atStartOfDay(found.zone()).toOffsetDateTime();
            return tasks.ofSite(site, from, to, includeCancelled);
        });
    }

    /** Marks a task done; doing it again changes nothing. A cancelled task cannot be done. */
    public Uni<ServiceTask> markDone(String id) {
        UUID taskId = Ids.parse("id", id);
        return caller.person().chain(person -> markDone(taskId, person));
    }

    @WithTransaction
    Uni<ServiceTask> markDone(UUID taskId, Person person) {
        return tasks.require(taskId).map(task -> {
            if (task.status == ServiceTaskStatus.CANCELLED) {
                throw ApiException.conflict("The task was cancelled with its booking");
            }
            if (task.status == ServiceTaskStatus.OPEN) {
                task.status = ServiceTaskStatus.DONE;
                task.doneAt = clock.now();
                task.doneBy = person.id;
            }
            return task;
        });
    }
}
