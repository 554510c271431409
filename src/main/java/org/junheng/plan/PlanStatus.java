package org.junheng.plan;

public enum PlanStatus {

	DRAFT, ACTIVE, COMPLETED, ARCHIVED

}
