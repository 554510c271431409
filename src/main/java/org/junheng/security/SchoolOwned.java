package org.junheng.security;

/** Data that belongs to one school, whose personal fields its own administrators may read. */
public interface SchoolOwned {

	Long schoolId();

}
