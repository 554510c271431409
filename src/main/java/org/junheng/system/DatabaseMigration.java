package org.junheng.system;

import java.util.List;

import io.r2dbc.spi.ConnectionFactoryOptions;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.callback.Callback;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcConnectionDetails;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Migrates the schema at start-up, before the server takes its first request. This is the one
 * place Junheng uses JDBC. The JDBC URL is {@code spring.flyway.url} when set, otherwise it is
 * derived from the R2DBC connection (configured or embedded), so one setting serves both.
 * Flyway callbacks registered as beans (the demo data loader) run in the same pass.
 */
@Component
class DatabaseMigration implements InitializingBean {

	private final R2dbcConnectionDetails connection;

	private final Environment environment;

	private final List<Callback> callbacks;

	DatabaseMigration(R2dbcConnectionDetails connection, Environment environment, List<Callback> callbacks) {
		this.connection = connection;
		this.environment = environment;
		this.callbacks = callbacks;
	}

	@Override
	public void afterPropertiesSet() {
		ConnectionFactoryOptions options = this.connection.getConnectionFactoryOptions();
		String url = this.environment.getProperty("spring.flyway.url", jdbcUrl(options));
		String user = this.environment.getProperty("spring.flyway.user", text(options.getValue(ConnectionFactoryOptions.USER)));
		String password = this.environment.getProperty("spring.flyway.password",
				text(options.getValue(ConnectionFactoryOptions.PASSWORD)));
		Flyway.configure()
			.dataSource(url, user, password)
			.locations("classpath:db/migration")
			.callbacks(this.callbacks.toArray(Callback[]::new))
			.load()
			.migrate();
	}

	static String jdbcUrl(ConnectionFactoryOptions options) {
		Object port = options.getValue(ConnectionFactoryOptions.PORT);
		return "jdbc:postgresql://" + options.getRequiredValue(ConnectionFactoryOptions.HOST) + ":"
				+ (port != null ? port : 5432) + "/" + text(options.getValue(ConnectionFactoryOptions.DATABASE));
	}

	private static String text(Object value) {
		return (value != null) ? value.toString() : "";
	}

}
