package org.junheng.plan;

import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;

import org.junheng.live.EventTable;
import org.junheng.live.PostgresNotifications;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/** This instance's view of the milestone event table (see V4__milestone_events.sql), for displays to follow by cursor. */
@Component
class MilestoneEvents extends EventTable<MilestoneEvent> {

	MilestoneEvents(DatabaseClient db, PostgresNotifications notifications, MeterRegistry meters,
			@Value("${junheng.live.poll:5s}") Duration poll,
			@Value("${junheng.live.subscriber-buffer:256}") int subscriberBuffer) {
		super(db, notifications, meters, "milestone_event", MilestoneEvent::from, MilestoneEvent::id, MilestoneEvent::occurredAt, poll,
				subscriberBuffer);
	}

}
