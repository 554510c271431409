package org.junheng.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.junheng.system.Languages;
import org.junheng.system.Text;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.execution.SubscriptionPublisherException;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlInterceptor;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.graphql.server.WebSocketSessionInfo;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * Puts the {@link Caller} into every request's GraphQL context, and stops a request that runs
 * too long. Over HTTP and SSE the caller comes from the bearer token Spring Security checked; over
 * WebSocket from the {@code Authorization} entry of {@code connection_init}'s payload, checked once
 * per connection (a bad token closes it before any operation runs).
 */
@Component
@Order(0)
class CallerInterceptor implements WebSocketGraphQlInterceptor {

	/** Where {@link QueryLimits} leaves the running execution's input, so a timeout can cancel it. */
	static final String EXECUTION = "junheng.execution";

	/** Where a WebSocket session keeps the instant its token expires. */
	private static final String EXPIRES = "junheng.tokenExpires";

	private static final String LANGUAGE = "junheng.language";

	private final VerifiedTokens tokens;

	private final Clock clock;

	private final Duration timeout;

	private final Duration plannerTimeout;

	private final int maxDocument;

	CallerInterceptor(VerifiedTokens tokens, Clock clock, @Value("${junheng.graphql.timeout:10s}") Duration timeout,
			@Value("${junheng.graphql.planner-timeout:75s}") Duration plannerTimeout,
			@Value("${junheng.graphql.max-document-chars:20000}") int maxDocument) {
		this.tokens = tokens;
		this.clock = clock;
		this.timeout = timeout;
		this.plannerTimeout = plannerTimeout;
		this.maxDocument = maxDocument;
	}

	/**
	 * An exchange proposal searches for as long as its time limit (up to 60 s) allows, so a request
	 * asking for one has {@code junheng.graphql.planner-timeout} instead; only the time is longer,
	 * every other limit holds, and the field itself is for regional ADMINs and PLANNERs only.
	 */
	private Duration timeout(WebGraphQlRequest request) {
		return request.getDocument().contains("exchangeProposal") ? this.plannerTimeout : this.timeout;
	}

	@Override
	public Mono<Object> handleConnectionInitialization(WebSocketSessionInfo session, Map<String, Object> payload) {
		// A browser cannot set a WebSocket handshake's headers: a page asks for its language here.
		String language = entry(payload, HttpHeaders.ACCEPT_LANGUAGE);
		if (language != null) {
			session.getAttributes().put(LANGUAGE, language);
		}
		String token = bearer(payload);
		if (token == null) {
			return Mono.empty();
		}
		return this.tokens.decode(token).doOnNext((jwt) -> {
			session.getAttributes().put(Caller.KEY, Caller.from(jwt));
			session.getAttributes().put(EXPIRES, jwt.getExpiresAt());
		}).then(Mono.empty());
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		Locale locale = (request instanceof WebSocketGraphQlRequest webSocket
				&& webSocket.getSessionInfo().getAttributes().get(LANGUAGE) instanceof String language) ? Languages.of(language)
						: Languages.of(request.getHeaders());
		int length = request.getDocument().length();
		if (length > this.maxDocument) {
			// Refused before parsing: a huge document costs the parser even when it is invalid.
			return Mono.just(refused(request, Refusal.QUERY_TOO_COMPLEX.error(Text.of("refusal.documentSize", length, this.maxDocument),
					locale, Map.of("limit", "documentSize", "actual", length, "max", this.maxDocument))));
		}
		Instant expires = (request instanceof WebSocketGraphQlRequest webSocket)
				? (Instant) webSocket.getSessionInfo().getAttributes().get(EXPIRES) : null;
		if (expires != null && !this.clock.instant().isBefore(expires)) {
			return Mono.just(refused(request, expired(locale)));
		}
		return caller(request).flatMap((caller) -> {
			AtomicReference<ExecutionInput> execution = new AtomicReference<>();
			// One language for everything the request answers, over HTTP and WebSocket alike (Spring
			// gives a WebSocket request no locale of its own): its Accept-Language, else Chinese.
			request.configureExecutionInput((input, builder) -> builder.locale(locale)
				.graphQLContext((context) -> context.put(Caller.KEY, caller).put(EXECUTION, execution).put(Languages.KEY, locale))
				.build());
			Duration timeout = timeout(request);
			return chain.next(request)
				.timeout(timeout, Mono.fromSupplier(() -> timedOut(request, execution, locale, timeout)))
				.map((response) -> (expires != null) ? endingAt(response, expires, locale) : response);
		});
	}

	/**
	 * A WebSocket connection outlives its token no longer than the token: a subscription still
	 * open when it expires ends with UNAUTHORIZED, and the client signs in again by reconnecting.
	 */
	private WebGraphQlResponse endingAt(WebGraphQlResponse response, Instant expires, Locale locale) {
		if (!(response.getExecutionResult().getData() instanceof Publisher<?> events)) {
			return response;
		}
		Duration left = Duration.between(this.clock.instant(), expires);
		AtomicBoolean expired = new AtomicBoolean();
		Flux<?> limited = Flux.from(events)
			.takeUntilOther(Mono.delay(left.isNegative() ? Duration.ZERO : left).doOnNext((tick) -> expired.set(true)))
			.concatWith(Flux.defer(() -> expired.get()
					? Flux.error(new SubscriptionPublisherException(List.of(expired(locale)), null)) : Flux.empty()));
		return response.transform((builder) -> builder.data(limited));
	}

	private static GraphQLError expired(Locale locale) {
		return GraphqlErrorBuilder.newError().errorType(ErrorType.UNAUTHORIZED)
			.message(Text.of("token.connectionExpired").in(locale))
			.build();
	}

	private Mono<Caller> caller(WebGraphQlRequest request) {
		if (request instanceof WebSocketGraphQlRequest webSocket) {
			Object caller = webSocket.getSessionInfo().getAttributes().get(Caller.KEY);
			return Mono.just((caller instanceof Caller known) ? known : Caller.ANONYMOUS);
		}
		return Caller.current();
	}

	/** The answer to a request that ran out of time; graphql-java stops fetching what it has not started. */
	private WebGraphQlResponse timedOut(WebGraphQlRequest request, AtomicReference<ExecutionInput> execution, Locale locale,
			Duration timeout) {
		ExecutionInput input = execution.get();
		if (input != null) {
			input.cancel();
		}
		return refused(request, Refusal.TIMEOUT.error(Text.of("refusal.timeout", timeout.toMillis()), locale,
				Map.of("limit", "timeout", "max", timeout.toMillis())));
	}

	private static WebGraphQlResponse refused(WebGraphQlRequest request, GraphQLError error) {
		ExecutionResult result = ExecutionResult.newExecutionResult().addError(error).build();
		return new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(
				ExecutionInput.newExecutionInput(request.getDocument()).build(), result));
	}

	private static String bearer(Map<String, Object> payload) {
		if (payload == null || payload.keySet().stream().noneMatch(HttpHeaders.AUTHORIZATION::equalsIgnoreCase)) {
			return null;
		}
		String value = entry(payload, HttpHeaders.AUTHORIZATION);
		// Present but not a bearer token: refused like a bad token, never taken as anonymous.
		return (value != null && value.regionMatches(true, 0, "Bearer ", 0, 7)) ? value.substring(7).strip() : "";
	}

	/** A text entry of the connection_init payload, its name in any case, like a header's. */
	private static String entry(Map<String, Object> payload, String name) {
		if (payload == null) {
			return null;
		}
		for (Map.Entry<String, Object> entry : payload.entrySet()) {
			if (entry.getKey().equalsIgnoreCase(name)) {
				return (entry.getValue() instanceof String value) ? value : null;
			}
		}
		return null;
	}

}
