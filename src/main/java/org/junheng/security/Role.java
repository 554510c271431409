package org.junheng.security;

/** What a signed-in user may do; the {@code roles} claim of a token lists them. */
public enum Role {

	/** Everything within its region and the regions below it, personal data included. */
	ADMIN,

	/** Plans, milestones, tasks and targets within its region subtree; reads schools and indicators there. */
	PLANNER,

	/** Its own school: conditions, teachers, proposed exchanges. */
	SCHOOL_ADMIN,

	/** Reads within its region subtree; no personal data, no writes. */
	VIEWER

}
