package io.dayuan.canteen.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.dayuan.canteen.MealRegistration;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;

@ApplicationScoped
public class MealRegistrationRepository implements PanacheRepositoryBase<MealRegistration, UUID> {
}
