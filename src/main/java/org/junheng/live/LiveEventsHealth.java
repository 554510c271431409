package org.junheng.live;

import reactor.core.publisher.Mono;

import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * Readiness of live delivery: down while a LISTEN connection is lost (the database restarting,
 * a network cut). Events are not lost meanwhile (readers catch up by cursor when it is back),
 * but they come late, so a balancer should prefer another instance.
 */
@Component("liveEvents")
class LiveEventsHealth extends AbstractReactiveHealthIndicator {

	private final PostgresNotifications notifications;

	LiveEventsHealth(PostgresNotifications notifications) {
		super("Live events health check failed");
		this.notifications = notifications;
	}

	@Override
	protected Mono<Health> doHealthCheck(Health.Builder builder) {
		var deaf = this.notifications.deaf();
		return Mono.just(deaf.isEmpty() ? builder.up().build() : builder.down().withDetail("notListening", deaf).build());
	}

}
