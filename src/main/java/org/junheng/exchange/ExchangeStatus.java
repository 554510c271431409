package org.junheng.exchange;

public enum ExchangeStatus {

	PLANNED, ACTIVE, COMPLETED, CANCELLED

}
