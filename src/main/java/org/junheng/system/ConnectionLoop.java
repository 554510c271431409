package org.junheng.system;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;

import reactor.netty.NettyInbound;
import reactor.util.context.Context;
import reactor.util.context.ContextView;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;

/**
 * The event loop of the WebSocket connection a subscription came on, carried in the Reactor
 * context of everything the connection's handler runs (put there when the upgrade request passes
 * {@link GraphQlWebSocketProtocol}'s filter; Reactor Netty runs the socket's handler in the
 * upgrade's context). Live events are handed to each loop once and sent from there to its own
 * connections: a message written from another thread is queued to the connection's loop one
 * subscriber at a time, and one thread walked every subscriber.
 */
public final class ConnectionLoop {

	private static final Class<ConnectionLoop> KEY = ConnectionLoop.class;

	private ConnectionLoop() {
	}

	/** The context with the request's connection's event loop in it, when the server is Reactor Netty. */
	static Context with(Context context, ServerHttpRequest request) {
		if (!(ServerHttpRequestDecorator.getNativeRequest(request) instanceof NettyInbound netty)) {
			return context;
		}
		AtomicReference<Executor> loop = new AtomicReference<>();
		netty.withConnection((connection) -> loop.set(connection.channel().eventLoop()));
		return (loop.get() != null) ? context.put(KEY, loop.get()) : context;
	}

	/** The event loop of the connection in this context, or null (an HTTP request, a test's own execution). */
	public static Executor in(ContextView context) {
		return context.getOrDefault(KEY, null);
	}

}
