package com.echamado.identity;

import com.echamado.platform.ops.DataCheck;
import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** {@code --verify-data} over users: someone can still administer the desk. */
@Component
@Order(400)
class IdentityDataChecks implements DataCheck {

    @Override
    public List<Check> checks() {
        return List.of(new Check(
                "at least one administrator",
                "select case when exists (select 1 from app_user_role r join app_user u on u.id = r.user_id"
                        + " where r.role = 'ADMIN' and u.enabled) then 0 else 1 end"));
    }
}
