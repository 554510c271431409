package org.junheng.region;

import org.junheng.sqlread.JsonType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Regions as PostgreSQL writes them for a query it answers whole ({@code sqlread}). */
@Configuration(proxyBeanMethods = false)
class RegionReads {

	@Bean
	JsonType regionJson() {
		return JsonType.of("Region", "region", "code").columns("code", "name", "level", "version");
	}

}
