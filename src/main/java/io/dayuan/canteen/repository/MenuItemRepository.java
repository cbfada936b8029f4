package io.dayuan.canteen.repository;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.dayuan.canteen.MenuItem;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class MenuItemRepository implements PanacheRepositoryBase<MenuItem, UUID> {

    /** The menu's items in their order. */
    public Uni<List<MenuItem>> ofMenu(UUID menuId) {
        return list("from MenuItem i where i.menuId = ?1 order by i.position", menuId);
    }

    /** The items of the menus, each menu's in their order (one query). */
    public Uni<List<MenuItem>> ofMenus(Collection<UUID> menuIds) {
        return list("from MenuItem i where i.menuId in ?1 order by i.position", menuIds);
    }

    public Uni<Long> deleteByIds(Collection<UUID> ids) {
        return delete("id in ?1", ids);
    }
}
