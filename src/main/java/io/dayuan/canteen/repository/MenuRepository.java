package io.dayuan.canteen.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.dayuan.canteen.Menu;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;

@ApplicationScoped
public class MenuRepository implements PanacheRepositoryBase<Menu, UUID> {
}
