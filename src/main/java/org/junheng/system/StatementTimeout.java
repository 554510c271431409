package org.junheng.system;

import java.time.Duration;

import io.r2dbc.spi.Option;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.r2dbc.autoconfigure.ConnectionFactoryOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * PostgreSQL cancels any statement of ours that runs longer than
 * {@code junheng.database.statement-timeout}. A request that runs out of time is answered at once
 * and stops fetching, but a statement already sent would otherwise run on; this bounds it.
 */
@Configuration(proxyBeanMethods = false)
class StatementTimeout {

	@Bean
	ConnectionFactoryOptionsBuilderCustomizer statementTimeoutOption(
			@Value("${junheng.database.statement-timeout:30s}") Duration timeout) {
		return (options) -> options.option(Option.valueOf("statementTimeout"), timeout);
	}

}
