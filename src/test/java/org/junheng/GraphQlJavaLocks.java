package org.junheng;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * graphql-java guards a request's list of errors with a lock: two fields failing at the same
 * moment on two threads wait for each other for the time it takes to add an error. That is no
 * I/O and no long wait, so BlockHound is told to let it be; any other blocking call still fails
 * the tests.
 */
public class GraphQlJavaLocks implements BlockHoundIntegration {

	@Override
	public void applyTo(BlockHound.Builder builder) {
		builder.allowBlockingCallsInside("graphql.execution.ExecutionContext", "addErrors");
		builder.allowBlockingCallsInside("graphql.execution.ExecutionContext", "addError");
	}

}
