package dev.kontor.storage.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.kontor.api.storage.DatabaseKind;
import java.nio.file.Paths;
import javax.sql.DataSource;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The panel's one pool of database connections (HikariCP), over the driver the URL asks
 * for, and rebuilt when the configuration changes.
 */
@Component(service = ConnectionPool.class, configurationPid = StorageConfiguration.PID)
@Designate(ocd = StorageConfiguration.class)
public class ConnectionPool {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionPool.class);

    private final HikariDataSource pool;
    private final DatabaseKind kind;

    @Activate
    public ConnectionPool(StorageConfiguration configuration, BundleContext context) {
        String data = context.getProperty("kontor.data");
        String url = configuration.url().isBlank()
                ? JdbcUrls.embedded(Paths.get(data == null || data.isBlank() ? "data" : data))
                : configuration.url().trim();
        this.kind = JdbcUrls.kindOf(url);
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("kontor");
        hikari.setDataSource(JdbcUrls.dataSource(kind, url, configuration.user(), configuration.password()));
        hikari.setMaximumPoolSize(configuration.pool_size());
        hikari.setAutoCommit(true);
        this.pool = new HikariDataSource(hikari);
        LOG.info("Database: {} (pool of {})", kind, configuration.pool_size());
    }

    @Deactivate
    void close() {
        pool.close();
    }

    DataSource dataSource() {
        return pool;
    }

    DatabaseKind kind() {
        return kind;
    }
}
