package org.junheng.security;

import java.util.List;

/**
 * Data that belongs to schools: a teacher, conditions, an exchange or a pairing (both ends), and
 * a school itself. It is readable when one of its schools is in the caller's scope.
 */
public interface SchoolOwned {

	List<Long> schoolIds();

}
