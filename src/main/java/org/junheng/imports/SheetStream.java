package org.junheng.imports;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.scheduler.Schedulers;

/**
 * A sheet as a {@link Flux} of its parts, read on a worker thread only as fast as they are
 * consumed: SAX pushes rows, so the reader waits while nothing is requested, and memory stays that
 * of the rows in flight however long the sheet. Cancelling stops the reading.
 */
final class SheetStream {

	private SheetStream() {
	}

	static Flux<Sheet.Part> parts(Path file, String fileName) {
		return Flux.create((sink) -> {
			Object demand = new Object();
			AtomicBoolean stopped = new AtomicBoolean();
			sink.onRequest((n) -> wake(demand));
			sink.onDispose(() -> {
				stopped.set(true);
				wake(demand);
			});
			Schedulers.boundedElastic().schedule(() -> read(file, fileName, sink, demand, stopped));
		}, FluxSink.OverflowStrategy.BUFFER);
	}

	private static void read(Path file, String fileName, FluxSink<Sheet.Part> sink, Object demand, AtomicBoolean stopped) {
		try {
			SheetReader.stream(file, fileName, (part) -> {
				awaitDemand(sink, demand, stopped);
				sink.next(part);
			});
			sink.complete();
		}
		catch (SheetReader.Stopped ex) {
			// cancelled: nobody is listening any more
		}
		catch (Refused ex) {
			sink.error(ex);
		}
		catch (RuntimeException ex) {
			sink.error(ex);
		}
	}

	private static void awaitDemand(FluxSink<Sheet.Part> sink, Object demand, AtomicBoolean stopped) {
		synchronized (demand) {
			while (sink.requestedFromDownstream() == 0 && !stopped.get()) {
				try {
					demand.wait(100);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new SheetReader.Stopped();
				}
			}
		}
		if (stopped.get()) {
			throw new SheetReader.Stopped();
		}
	}

	private static void wake(Object demand) {
		synchronized (demand) {
			demand.notifyAll();
		}
	}

}
