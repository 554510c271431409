package org.junheng.system;

import io.r2dbc.spi.ConnectionFactoryOptions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Flyway's JDBC URL follows the R2DBC connection, so one setting configures both. */
class DatabaseMigrationTests {

	@Test
	void jdbcUrlIsDerivedFromTheR2dbcConnection() {
		ConnectionFactoryOptions options = ConnectionFactoryOptions.parse("r2dbc:postgresql://db.bureau.local:6543/junheng");
		assertThat(DatabaseMigration.jdbcUrl(options)).isEqualTo("jdbc:postgresql://db.bureau.local:6543/junheng");
	}

	@Test
	void defaultPortIsPostgresqls() {
		ConnectionFactoryOptions options = ConnectionFactoryOptions.parse("r2dbc:postgresql://db/junheng");
		assertThat(DatabaseMigration.jdbcUrl(options)).isEqualTo("jdbc:postgresql://db:5432/junheng");
	}

}
