package com.echamado.catalog;

import com.echamado.platform.ops.DataCheck;
import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** {@code --verify-data} over the catalog: the statuses the lifecycle needs, and department members (user ids). */
@Component
@Order(300)
class CatalogDataChecks implements DataCheck {

    @Override
    public List<Check> checks() {
        return List.of(
                new Check(
                        "department members are existing users",
                        "select count(*) from department_agent a where not exists"
                                + " (select 1 from app_user u where u.id = a.user_id)"),
                new Check(
                        "exactly one initial and one resolving status",
                        "select case when (select count(*) from catalog_entry where kind = 'STATUS' and is_initial) = 1"
                                + " and (select count(*) from catalog_entry where kind = 'STATUS' and is_resolving) = 1"
                                + " then 0 else 1 end"));
    }
}
