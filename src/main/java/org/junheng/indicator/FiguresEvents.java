package org.junheng.indicator;

import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;

import org.junheng.live.EventTable;
import org.junheng.live.PostgresNotifications;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/** This instance's view of the base-figures event table, for balance displays to follow by cursor. */
@Component
class FiguresEvents extends EventTable<FiguresEvent> {

	FiguresEvents(DatabaseClient db, PostgresNotifications notifications, MeterRegistry meters,
			@Value("${junheng.live.poll:5s}") Duration poll,
			@Value("${junheng.live.subscriber-buffer:256}") int subscriberBuffer) {
		super(db, notifications, meters, "figures_event", FiguresEvent::from, FiguresEvent::id, FiguresEvent::occurredAt, poll,
				subscriberBuffer);
	}

}
