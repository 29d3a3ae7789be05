package com.echamado.tickets;

import java.sql.DatabaseMetaData;
import javax.sql.DataSource;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.stereotype.Component;

/** Which database runs underneath: PostgreSQL (the truth) or H2 (the local profile, with simpler search). */
@Component
class Dialect {

    private final boolean postgres;

    Dialect(DataSource dataSource) throws Exception {
        String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
        this.postgres = product != null && product.toLowerCase().contains("postgres");
    }

    boolean postgres() {
        return postgres;
    }
}
