package org.junheng;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junheng.live.PostgresNotifications;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.client.ReactorResourceFactory;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;

/**
 * Another Junheng process, as far as a test can tell: its own context, port, pool and listener,
 * on the tests' database unless told otherwise, for tests about several instances.
 */
public final class ServerInstance implements AutoCloseable {

	private final ConfigurableApplicationContext context;

	private ServerInstance(ConfigurableApplicationContext context) {
		this.context = context;
	}

	/**
	 * An instance on the shared test database, with these properties on top, once it listens on
	 * every live channel (ready, as a balancer would see it).
	 */
	public static ServerInstance onTestDatabase(Map<String, Object> properties) {
		Map<String, Object> all = new HashMap<>(TestDatabase.properties());
		all.put("junheng.demo-data", "false");
		all.putAll(properties);
		return start(all).awaitListening();
	}

	public static ServerInstance start(Map<String, Object> properties) {
		Map<String, Object> all = new HashMap<>(properties);
		all.putIfAbsent("junheng.security.jwt-secret", Tokens.SECRET);
		all.put("server.port", "0");
		all.put("server.address", "127.0.0.1");
		all.putIfAbsent("management.server.port", "0");
		all.put("management.server.address", "127.0.0.1");
		// As command-line arguments, so they win over application.properties, as a test's properties do.
		String[] arguments = all.entrySet().stream().map((entry) -> "--" + entry.getKey() + "=" + entry.getValue())
			.toArray(String[]::new);
		return new ServerInstance(new SpringApplicationBuilder(JunhengApplication.class)
			.initializers(ServerInstance::ownNettyResources)
			.run(arguments));
	}

	/**
	 * By default a context shares Reactor Netty's global event loops and disposes them when it
	 * closes, which would cut every other context of the test JVM off its sockets; this instance
	 * gets its own, as the test contexts do.
	 */
	private static void ownNettyResources(ConfigurableApplicationContext context) {
		context.getBeanFactory().addBeanPostProcessor(new BeanPostProcessor() {
			@Override
			public Object postProcessBeforeInitialization(Object bean, String name) {
				if (bean instanceof ReactorResourceFactory resources) {
					resources.setUseGlobalResources(false);
				}
				return bean;
			}
		});
	}

	/**
	 * Waits, at most 20 s, until this instance listens on every live channel: its readiness is
	 * down until then, as a balancer polling it would see.
	 */
	public ServerInstance awaitListening() {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
		PostgresNotifications notifications = bean(PostgresNotifications.class);
		while (!notifications.deaf().isEmpty()) {
			if (System.nanoTime() > deadline) {
				List<String> deaf = notifications.deaf();
				close();
				throw new IllegalStateException("Still not listening on " + deaf + " after 20 s");
			}
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
		return this;
	}

	public int managementPort() {
		return this.context.getEnvironment().getProperty("local.management.port", Integer.class);
	}

	public int port() {
		return ((WebServerApplicationContext) this.context).getWebServer().getPort();
	}

	public HttpGraphQlTester http() {
		return HttpGraphQlTester.create(org.junheng.OwnConnection.bindToServer().baseUrl("http://127.0.0.1:" + port() + "/graphql")
			.defaultHeader("Authorization", Tokens.bearer(Tokens.admin())).build());
	}

	public WebSocketGraphQlTester webSocket() {
		return WebSocketGraphQlTester.builder("ws://127.0.0.1:" + port() + "/graphql", new ReactorNettyWebSocketClient()).build();
	}

	public <T> T bean(Class<T> type) {
		return this.context.getBean(type);
	}

	public <T> java.util.Collection<T> beans(Class<T> type) {
		return this.context.getBeansOfType(type).values();
	}

	public String[] beanNames(Class<?> type) {
		return this.context.getBeanNamesForType(type);
	}

	@Override
	public void close() {
		this.context.close();
	}

}
