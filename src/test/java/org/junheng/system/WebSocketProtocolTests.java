package org.junheng.system;

import java.time.Duration;
import java.util.List;

import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.WebsocketClientSpec;

import org.junheng.EndToEndTest;
import org.junheng.Tokens;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * graphql-transport-ws spoken by a bare Reactor Netty WebSocket client, so the close codes and the
 * negotiated subprotocol are the server's own: 4400 for a message the protocol does not allow,
 * 4403 for a refused {@code connection_init}, 4401 for a subscribe before it, and
 * {@code graphql-transport-ws} whenever the client offers it.
 */
@EndToEndTest
class WebSocketProtocolTests {

	private static final String INIT = "{\"type\":\"connection_init\"}";

	@LocalServerPort
	private int port;

	@Test
	void messagesTheProtocolDoesNotAllowClose4400() {
		for (String message : List.of("not json", "{\"type\":", "[]", "[{\"type\":\"connection_init\"}]", "\"connection_init\"", "42",
				"{\"type\":\"hello\"}", "{\"type\":\"next\",\"id\":\"1\",\"payload\":{}}", "{\"id\":\"1\"}", "{\"type\":7}",
				"{\"type\":\"subscribe\",\"id\":\"1\"}", "{\"type\":\"subscribe\",\"payload\":{\"query\":\"{ __typename }\"}}",
				"{\"type\":\"subscribe\",\"id\":\"1\",\"payload\":[]}", "{\"type\":\"complete\"}",
				"{\"type\":\"ping\",\"payload\":[1]}")) {
			Outcome outcome = talk("graphql-transport-ws", INIT, message);
			assertThat(outcome.received()).as(message).singleElement().asString().contains("connection_ack");
			assertThat(outcome.closeCode()).as(message).isEqualTo(4400);
		}
		assertThat(talk("graphql-transport-ws", "{\"type\":\"hello\"}").closeCode()).isEqualTo(4400);
	}

	@Test
	void aRefusedConnectionInitCloses4403AndASubscribeBeforeItCloses4401() {
		for (String init : List.of("{\"type\":\"connection_init\",\"payload\":{\"Authorization\":\"Bearer not-a-token\"}}",
				"{\"type\":\"connection_init\",\"payload\":{\"Authorization\":\"Basic YWRtaW46YWRtaW4=\"}}",
				"{\"type\":\"connection_init\",\"payload\":{\"Authorization\":\"Bearer " + Tokens.admin() + "x\"}}")) {
			Outcome outcome = talk("graphql-transport-ws", init);
			assertThat(outcome.received()).as(init).isEmpty();
			assertThat(outcome.closeCode()).as(init).isEqualTo(4403);
		}
		Outcome early = talk("graphql-transport-ws", "{\"type\":\"subscribe\",\"id\":\"1\",\"payload\":{\"query\":\"{ __typename }\"}}");
		assertThat(early.closeCode()).isEqualTo(4401);
	}

	@Test
	void graphqlTransportWsIsChosenWheneverTheClientOffersIt() {
		String subscribe = "{\"type\":\"subscribe\",\"id\":\"1\",\"payload\":{\"query\":\"{ region(code: \\\"511921\\\") { name } }\"}}";
		for (String offered : List.of("graphql-ws, graphql-transport-ws", "graphql-ws,graphql-transport-ws", "graphql-transport-ws",
				"graphql-transport-ws, graphql-ws")) {
			Outcome outcome = talk(offered, 3, INIT, subscribe);
			assertThat(outcome.protocol()).as(offered).isEqualTo("graphql-transport-ws");
			assertThat(outcome.received()).as(offered).hasSize(3);
			assertThat(outcome.received().get(0)).contains("connection_ack");
			assertThat(outcome.received().get(1)).contains("\"next\"").contains("通江县");
			assertThat(outcome.received().get(2)).contains("\"complete\"");
		}
	}

	/** Sends the messages in turn and reads until the server closes the socket. */
	private Outcome talk(String protocols, String... messages) {
		return talk(protocols, Integer.MAX_VALUE, messages);
	}

	/** Sends the messages in turn and reads until the server closes the socket or {@code expected} messages came. */
	private Outcome talk(String protocols, int expected, String... messages) {
		return HttpClient.create()
			.websocket(WebsocketClientSpec.builder().protocols(protocols).build())
			.uri("ws://127.0.0.1:" + this.port + "/graphql")
			.handle((in, out) -> {
				Mono<Void> sending = out.sendString(Flux.fromArray(messages).delayElements(Duration.ofMillis(150))).then()
					.then(Mono.never());
				Mono<Outcome> reading = in.receive().asString().take(expected).collectList()
					.zipWith(in.receiveCloseStatus().map(WebSocketCloseStatus::code)
						.timeout(Duration.ofMillis((expected == Integer.MAX_VALUE) ? 10_000 : 1), Mono.just(-1)))
					.map((answer) -> new Outcome(in.selectedSubprotocol(), answer.getT1(), answer.getT2()));
				return Flux.firstWithSignal(sending.then(Mono.<Outcome>empty()), reading);
			})
			.next()
			.block(Duration.ofSeconds(20));
	}

	private record Outcome(String protocol, List<String> received, int closeCode) {
	}

}
