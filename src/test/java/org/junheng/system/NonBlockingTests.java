package org.junheng.system;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import reactor.blockhound.BlockingOperationError;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.junheng.EndToEndTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * BlockHound is installed for every test JVM (blockhound-junit-platform): any blocking call on a
 * Netty or Reactor thread fails the request that made it. These tests prove it is armed, then
 * drive the widest query there is through it.
 */
@EndToEndTest
class NonBlockingTests {

	@Autowired
	private HttpGraphQlTester graphQl;

	@Test
	void blockingOnAReactorThreadIsCaught() {
		Mono<Long> blocking = Mono.delay(Duration.ofMillis(1)).doOnNext((tick) -> {
			try {
				Thread.sleep(1);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		});
		StepVerifier.create(blocking).expectError(BlockingOperationError.class).verify(Duration.ofSeconds(5));
	}

	@Test
	void wholeCountyGraphIsServedWithoutBlocking() {
		this.graphQl.documentName("countyGraph")
			.variable("code", "511921")
			.variable("first", 20)
			.execute()
			.errors().verify()
			.path("region.schools.edges").entityList(Object.class).hasSize(20)
			.path("region.plans[0].milestones").entityList(Object.class).hasSize(7);
	}

}
