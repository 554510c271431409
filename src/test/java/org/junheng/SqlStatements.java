package org.junheng;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.r2dbc.proxy.ProxyConnectionFactory;
import io.r2dbc.proxy.core.QueryExecutionInfo;
import io.r2dbc.proxy.core.QueryInfo;
import io.r2dbc.proxy.listener.ProxyExecutionListener;
import io.r2dbc.spi.ConnectionFactory;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Records every SQL statement the application sends over R2DBC, through r2dbc-proxy around the
 * application's connection factory. Tests use it to prove that nested fields are batched.
 */
public class SqlStatements implements ProxyExecutionListener {

	private final List<String> statements = new CopyOnWriteArrayList<>();

	@Override
	public void afterQuery(QueryExecutionInfo execution) {
		execution.getQueries().stream().map(QueryInfo::getQuery).forEach(this.statements::add);
	}

	public void reset() {
		this.statements.clear();
	}

	public List<String> statements() {
		return List.copyOf(this.statements);
	}

	public int count() {
		return this.statements.size();
	}

	@TestConfiguration(proxyBeanMethods = false)
	public static class Counting {

		@Bean
		static SqlStatements sqlStatements() {
			return new SqlStatements();
		}

		@Bean
		static BeanPostProcessor countingConnectionFactory(org.springframework.beans.factory.ObjectProvider<SqlStatements> statements) {
			return new BeanPostProcessor() {
				@Override
				public Object postProcessAfterInitialization(Object bean, String name) {
					if (bean instanceof ConnectionFactory factory && "connectionFactory".equals(name)) {
						return ProxyConnectionFactory.builder(factory).listener(statements.getObject()).build();
					}
					return bean;
				}
			};
		}

	}

}
