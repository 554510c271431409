package org.junheng.system;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.graphql.autoconfigure.GraphQlCorsProperties;
import org.springframework.boot.graphql.autoconfigure.GraphQlProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.ResolvableType;
import org.springframework.core.codec.Encoder;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.webflux.GraphQlWebSocketHandler;
import org.springframework.graphql.server.support.GraphQlWebSocketMessage;
import org.springframework.http.MediaType;
import org.springframework.http.codec.EncoderHttpMessageWriter;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.HandshakeInfo;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.WebSocketSession;
import org.springframework.web.server.WebFilter;

/**
 * graphql-transport-ws as its protocol says, where Spring for GraphQL's handler does not:
 * <ul>
 * <li>a message that is not valid JSON, not an object, of an unknown type or missing what its type
 * needs closes the socket with 4400 (Spring ends it with no close code, 1005);</li>
 * <li>a refused {@code connection_init} (a bad token) closes it with 4403 Forbidden (Spring sends
 * 4401, which the protocol keeps for a {@code subscribe} before {@code connection_init});</li>
 * <li>a client offering {@code graphql-transport-ws} is given it, wherever it lists it: Spring
 * takes the client's first protocol it knows, so {@code graphql-ws, graphql-transport-ws} got the
 * legacy protocol, which it then refuses on every message.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class GraphQlWebSocketProtocol {

	static final String PROTOCOL = "graphql-transport-ws";

	static final CloseStatus INVALID_MESSAGE = new CloseStatus(4400, "Invalid message");

	static final CloseStatus FORBIDDEN = new CloseStatus(4403, "Forbidden");

	private static final Set<String> CLIENT_TYPES = Set.of("connection_init", "ping", "pong", "subscribe", "complete");

	private static final JsonMapper json = JsonMapper.builder().build();

	/** Boot's handler, built as Boot builds it, with each session checked as described above. */
	@Bean
	GraphQlWebSocketHandler graphQlWebSocketHandler(WebGraphQlHandler handler, GraphQlProperties properties,
			GraphQlCorsProperties cors, ServerCodecConfigurer codecs) {
		CorsConfiguration corsConfiguration = cors.toCorsConfiguration();
		GraphQlProperties.Websocket webSocket = properties.getWebsocket();
		return new GraphQlWebSocketHandler(handler, withFrames(codecs), webSocket.getConnectionInitTimeout(), webSocket.getKeepAlive(),
				(corsConfiguration != null) ? corsConfiguration : new CorsConfiguration()) {
			@Override
			public Mono<Void> handle(WebSocketSession session) {
				return super.handle(new CheckedSession(session));
			}
		};
	}

	/**
	 * The application's codecs, with {@link WebSocketFrames} ahead of Jackson for the socket's
	 * messages; the handler writes with the first writer that takes them.
	 */
	@SuppressWarnings("unchecked")
	static ServerCodecConfigurer withFrames(ServerCodecConfigurer codecs) {
		ResolvableType message = ResolvableType.forClass(GraphQlWebSocketMessage.class);
		Encoder<Object> json = codecs.getWriters().stream()
			.filter((writer) -> writer instanceof EncoderHttpMessageWriter<?> && writer.canWrite(message, MediaType.APPLICATION_JSON))
			.map((writer) -> (Encoder<Object>) ((EncoderHttpMessageWriter<?>) writer).getEncoder())
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("No JSON encoder for graphql-transport-ws messages"));
		ServerCodecConfigurer withFrames = codecs.clone();
		withFrames.customCodecs().register(new WebSocketFrames(json));
		return withFrames;
	}

	/** Names the upgrade's connection's event loop to the socket's subscriptions (see {@link ConnectionLoop}). */
	@Bean
	WebFilter graphQlSocketLoop(GraphQlProperties properties) {
		String path = properties.getWebsocket().getPath();
		return (exchange, chain) -> {
			if (!exchange.getRequest().getPath().value().equals(path)
					|| !"websocket".equalsIgnoreCase(exchange.getRequest().getHeaders().getUpgrade())) {
				return chain.filter(exchange);
			}
			return chain.filter(exchange).contextWrite((context) -> ConnectionLoop.with(context, exchange.getRequest()));
		};
	}

	/** Puts {@code graphql-transport-ws} first in an upgrade request's offered protocols, when offered. */
	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	WebFilter graphQlTransportWsFirst(GraphQlProperties properties) {
		String path = properties.getWebsocket().getPath();
		return (exchange, chain) -> {
			List<String> offered = exchange.getRequest().getHeaders().getValuesAsList("Sec-WebSocket-Protocol");
			if (!exchange.getRequest().getPath().value().equals(path) || offered.size() < 2 || !offered.contains(PROTOCOL)
					|| offered.get(0).equals(PROTOCOL)) {
				return chain.filter(exchange);
			}
			List<String> preferred = new ArrayList<>(offered);
			preferred.remove(PROTOCOL);
			preferred.add(0, PROTOCOL);
			return chain.filter(exchange.mutate()
				.request((request) -> request.headers((headers) -> headers.put("Sec-WebSocket-Protocol",
						List.of(String.join(",", preferred)))))
				.build());
		};
	}

	/** The type of a client's message if graphql-transport-ws allows it with what its type needs, else null. */
	static String type(String text) {
		JsonNode message;
		try {
			message = json.readTree(text);
		}
		catch (JacksonException ex) {
			return null;
		}
		if (message == null || !message.isObject() || !message.path("type").isString()
				|| !CLIENT_TYPES.contains(message.path("type").asString())) {
			return null;
		}
		String type = message.path("type").asString();
		JsonNode payload = message.path("payload");
		if (!payload.isMissingNode() && !payload.isNull() && !payload.isObject()) {
			return null;
		}
		boolean complete = switch (type) {
			case "subscribe" -> message.path("id").isString() && payload.isObject() && payload.path("query").isString();
			case "complete" -> message.path("id").isString();
			default -> true;
		};
		return complete ? type : null;
	}

	/** The session the handler sees: invalid messages close it with 4400, a refused init with 4403. */
	private static final class CheckedSession implements WebSocketSession {

		private final WebSocketSession session;

		private final AtomicBoolean initialised = new AtomicBoolean();

		CheckedSession(WebSocketSession session) {
			this.session = session;
		}

		@Override
		public Flux<WebSocketMessage> receive() {
			return this.session.receive().concatMap((message) -> {
				if (message.getType() == WebSocketMessage.Type.PING || message.getType() == WebSocketMessage.Type.PONG) {
					return Mono.just(message);
				}
				String type = type(message.getPayloadAsText(StandardCharsets.UTF_8));
				if (type == null) {
					return this.session.close(INVALID_MESSAGE).then(Mono.empty());
				}
				if (type.equals("connection_init")) {
					this.initialised.set(true);
				}
				return Mono.just(message);
			});
		}

		@Override
		public Mono<Void> close(CloseStatus status) {
			// After connection_init, Spring's only 4401 is the interceptor refusing it.
			boolean refusedInit = status.getCode() == 4401 && this.initialised.get();
			return this.session.close(refusedInit ? FORBIDDEN : status);
		}

		@Override
		public String getId() {
			return this.session.getId();
		}

		@Override
		public HandshakeInfo getHandshakeInfo() {
			return this.session.getHandshakeInfo();
		}

		@Override
		public DataBufferFactory bufferFactory() {
			return this.session.bufferFactory();
		}

		@Override
		public Map<String, Object> getAttributes() {
			return this.session.getAttributes();
		}

		@Override
		public Mono<Void> send(Publisher<WebSocketMessage> messages) {
			return this.session.send(messages);
		}

		@Override
		public boolean isOpen() {
			return this.session.isOpen();
		}

		@Override
		public Mono<CloseStatus> closeStatus() {
			return this.session.closeStatus();
		}

		@Override
		public WebSocketMessage textMessage(String payload) {
			return this.session.textMessage(payload);
		}

		@Override
		public WebSocketMessage binaryMessage(Function<DataBufferFactory, DataBuffer> payloadFactory) {
			return this.session.binaryMessage(payloadFactory);
		}

		@Override
		public WebSocketMessage pingMessage(Function<DataBufferFactory, DataBuffer> payloadFactory) {
			return this.session.pingMessage(payloadFactory);
		}

		@Override
		public WebSocketMessage pongMessage(Function<DataBufferFactory, DataBuffer> payloadFactory) {
			return this.session.pongMessage(payloadFactory);
		}

	}

}
