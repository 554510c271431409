package org.junheng;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Junheng (均衡): a reactive GraphQL API for education bureaus working toward quality-balanced
 * compulsory education. Each sub-package is one feature of the graph; {@code system} holds what
 * they share (database, Relay paging, errors, HTTP transport).
 */
@SpringBootApplication
public class JunhengApplication {

	public static void main(String[] args) {
		SpringApplication.run(JunhengApplication.class, args);
	}

}
