package org.junheng.live;

import java.util.List;
import java.util.Map;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import org.junit.jupiter.api.Test;
import reactor.core.Exceptions;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.execution.SubscriptionExceptionResolver;
import org.springframework.graphql.execution.SubscriptionPublisherException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a client is told when a live stream ends in error after the subscribed field's stream:
 * never Spring's bare "Subscription error" (seen in CI when an event failed as its subscriber
 * fell behind), always a classified error.
 */
class LiveErrorsTests {

	private final SubscriptionExceptionResolver resolver = (ex) -> Mono.just(List.of(GraphqlErrorBuilder.newError()
		.errorType(ErrorType.INTERNAL_ERROR).message("resolved: " + ex.getMessage()).build()));

	private final LiveExecution live = new LiveExecution(null, List.of(this.resolver));

	@Test
	void theStreamsOwnEndWinsOverAnEventThatFailedBesideIt() {
		GraphQLError fellBehind = GraphqlErrorBuilder.newError().message("fell behind")
			.extensions(Map.of("classification", "FELL_BEHIND", "cursor", "42")).build();
		SubscriptionPublisherException end = new SubscriptionPublisherException(List.of(fellBehind), null);
		Throwable both = Exceptions.multiple(new IllegalStateException("an event failed"), end);
		this.live.classified(both)
			.as(StepVerifier::create)
			.assertNext((told) -> assertThat(told).isSameAs(end))
			.verifyComplete();
	}

	@Test
	void anyOtherFailureGoesThroughTheSubscriptionResolvers() {
		this.live.classified(new IllegalStateException("the execution ended"))
			.as(StepVerifier::create)
			.assertNext((told) -> {
				assertThat(told).isInstanceOf(SubscriptionPublisherException.class);
				assertThat(((SubscriptionPublisherException) told).getErrors())
					.extracting(GraphQLError::getMessage).containsExactly("resolved: the execution ended");
			})
			.verifyComplete();
	}

}
