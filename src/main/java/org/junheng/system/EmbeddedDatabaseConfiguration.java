package org.junheng.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.r2dbc.spi.ConnectionFactoryOptions;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The default database: when no {@code spring.r2dbc.url} is configured, a real PostgreSQL 17
 * runs in-process on a random loopback port. Its data directory survives restarts, so a second
 * start keeps what the first one wrote; delete the directory to start over. It runs durably
 * (fsync, synchronous commit), and a start after a crash first stops the postmaster the crashed
 * process left behind.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.r2dbc.url:}'.isEmpty()")
// The container image is built without the embedded PostgreSQL (the pom's container profile).
@ConditionalOnClass(name = "io.zonky.test.db.postgres.embedded.EmbeddedPostgres")
class EmbeddedDatabaseConfiguration {

	/**
	 * {@code junheng.embedded.server-config.*} passes settings to the server, e.g.
	 * {@code shared_preload_libraries=pg_stat_statements} for the benchmark.
	 */
	@Bean(destroyMethod = "close")
	EmbeddedPostgres embeddedPostgres(@Value("${junheng.embedded.data-dir:./data/postgres}") Path dataDirectory,
			@Value("${junheng.embedded.port:0}") int port, Environment environment) throws IOException {
		Files.createDirectories(dataDirectory);
		StalePostmaster.stopIn(dataDirectory);
		EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
			.setDataDirectory(dataDirectory)
			.setCleanDataDirectory(false)
			.setServerConfig("max_connections", "200")
			// The library turns these off for speed; a bureau's one server keeps its data through a power cut.
			.setServerConfig("fsync", "on")
			.setServerConfig("synchronous_commit", "on")
			.setServerConfig("full_page_writes", "on")
			// Its data is on a local disk and read from memory: a random read costs about what a
			// sequential one does. With the default 4 PostgreSQL reads the 188 regions of a province
			// whole for each of a page's 50 region lookups instead of one index probe (0.5 ms a page).
			.setServerConfig("random_page_cost", "1.1");
		Binder.get(environment)
			.bind("junheng.embedded.server-config", Bindable.mapOf(String.class, String.class))
			.orElse(Map.of())
			.forEach(builder::setServerConfig);
		if (port > 0) {
			builder.setPort(port);
		}
		return builder.start();
	}

	@Bean
	R2dbcConnectionDetails embeddedConnectionDetails(EmbeddedPostgres postgres) {
		ConnectionFactoryOptions options = ConnectionFactoryOptions.builder()
			.option(ConnectionFactoryOptions.DRIVER, "postgresql")
			.option(ConnectionFactoryOptions.HOST, "127.0.0.1")
			.option(ConnectionFactoryOptions.PORT, postgres.getPort())
			.option(ConnectionFactoryOptions.DATABASE, "postgres")
			.option(ConnectionFactoryOptions.USER, "postgres")
			.build();
		return () -> options;
	}

}
