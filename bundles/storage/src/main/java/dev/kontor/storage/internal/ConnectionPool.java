package dev.kontor.storage.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.kontor.api.storage.DatabaseKind;
import java.nio.file.Paths;
import java.sql.SQLException;
import java.util.Properties;
import javax.sql.DataSource;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.jdbc.DataSourceFactory;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The panel's one pool of database connections (HikariCP), over the JDBC driver the URL
 * asks for. Drivers come as OSGi {@link DataSourceFactory} services from the H2 and
 * PostgreSQL bundles; the pool starts once the needed one is there and is rebuilt when
 * the configuration changes.
 */
@Component(service = ConnectionPool.class, configurationPid = StorageConfiguration.PID)
@Designate(ocd = StorageConfiguration.class)
public class ConnectionPool {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionPool.class);

    private final HikariDataSource pool;
    private final DatabaseKind kind;

    @Activate
    public ConnectionPool(StorageConfiguration configuration, BundleContext context,
            @Reference(target = "(osgi.jdbc.driver.class=org.h2.Driver)", cardinality = ReferenceCardinality.OPTIONAL,
                    policyOption = ReferencePolicyOption.GREEDY) DataSourceFactory h2,
            @Reference(target = "(osgi.jdbc.driver.class=org.postgresql.Driver)", cardinality = ReferenceCardinality.OPTIONAL,
                    policyOption = ReferencePolicyOption.GREEDY) DataSourceFactory postgresql) throws SQLException {
        String data = context.getProperty("kontor.data");
        String url = configuration.url().isBlank()
                ? JdbcUrls.embedded(Paths.get(data == null || data.isBlank() ? "data" : data))
                : configuration.url().trim();
        this.kind = JdbcUrls.kindOf(url);
        DataSourceFactory driver = kind == DatabaseKind.H2 ? h2 : postgresql;
        if (driver == null) {
            // The component is started again as soon as the driver bundle arrives (greedy reference).
            throw new IllegalStateException("Waiting for the " + kind + " driver bundle");
        }
        Properties properties = new Properties();
        properties.setProperty(DataSourceFactory.JDBC_URL, url);
        if (!configuration.user().isBlank()) {
            properties.setProperty(DataSourceFactory.JDBC_USER, configuration.user());
            properties.setProperty(DataSourceFactory.JDBC_PASSWORD, configuration.password());
        }
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("kontor");
        hikari.setDataSource(driver.createDataSource(properties));
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
