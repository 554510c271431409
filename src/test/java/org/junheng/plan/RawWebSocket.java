package org.junheng.plan;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The smallest graphql-transport-ws client over a plain socket, for what a library client will
 * not do: stop reading for a while, with a tiny receive buffer, like a phone in a tunnel.
 */
final class RawWebSocket implements AutoCloseable {

	private final Socket socket;

	private final DataInputStream in;

	private final OutputStream out;

	private RawWebSocket(Socket socket) throws IOException {
		this.socket = socket;
		this.in = new DataInputStream(socket.getInputStream());
		this.out = socket.getOutputStream();
	}

	static RawWebSocket connect(int port, int receiveBuffer) throws IOException {
		Socket socket = new Socket();
		socket.setReceiveBufferSize(receiveBuffer);
		socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
		socket.setSoTimeout(20_000);
		byte[] nonce = new byte[16];
		ThreadLocalRandom.current().nextBytes(nonce);
		String handshake = "GET /graphql HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
				+ "Sec-WebSocket-Key: " + Base64.getEncoder().encodeToString(nonce) + "\r\nSec-WebSocket-Version: 13\r\n"
				+ "Sec-WebSocket-Protocol: graphql-transport-ws\r\n\r\n";
		socket.getOutputStream().write(handshake.getBytes(StandardCharsets.US_ASCII));
		RawWebSocket webSocket = new RawWebSocket(socket);
		String status = webSocket.readHeaders();
		if (!status.startsWith("HTTP/1.1 101")) {
			throw new IOException("No upgrade: " + status);
		}
		return webSocket;
	}

	private String readHeaders() throws IOException {
		StringBuilder headers = new StringBuilder();
		while (!headers.toString().endsWith("\r\n\r\n")) {
			headers.append((char) this.in.readUnsignedByte());
		}
		return headers.toString();
	}

	void send(String text) throws IOException {
		byte[] payload = text.getBytes(StandardCharsets.UTF_8);
		ByteArrayOutputStream frame = new ByteArrayOutputStream();
		frame.write(0x81);
		if (payload.length < 126) {
			frame.write(0x80 | payload.length);
		}
		else {
			frame.write(0x80 | 126);
			frame.write(payload.length >> 8);
			frame.write(payload.length & 0xff);
		}
		byte[] mask = new byte[4];
		ThreadLocalRandom.current().nextBytes(mask);
		frame.write(mask);
		for (int i = 0; i < payload.length; i++) {
			frame.write(payload[i] ^ mask[i % 4]);
		}
		this.out.write(frame.toByteArray());
		this.out.flush();
	}

	/** The next text message, skipping control frames. */
	String receive() throws IOException {
		while (true) {
			int first = this.in.readUnsignedByte();
			int second = this.in.readUnsignedByte();
			long length = second & 0x7f;
			if (length == 126) {
				length = this.in.readUnsignedShort();
			}
			else if (length == 127) {
				length = this.in.readLong();
			}
			byte[] payload = new byte[(int) length];
			this.in.readFully(payload);
			int opcode = first & 0x0f;
			if (opcode == 0x1) {
				return new String(payload, StandardCharsets.UTF_8);
			}
			if (opcode == 0x8) {
				throw new IOException("Closed by the server");
			}
		}
	}

	@Override
	public void close() throws IOException {
		this.socket.close();
	}

}
