package org.junheng.system;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * "Today" is the bureau's today: a milestone achieved at 07:00 in Beijing is achieved that day,
 * whatever zone the server runs in.
 */
@Configuration(proxyBeanMethods = false)
class TimeConfiguration {

	@Bean
	Clock clock(@Value("${junheng.time-zone:Asia/Shanghai}") ZoneId zone) {
		return Clock.system(zone);
	}

}
