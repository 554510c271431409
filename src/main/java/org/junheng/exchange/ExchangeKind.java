package org.junheng.exchange;

/** 轮岗, 支教, 走教. */
public enum ExchangeKind {

	ROTATION, SUPPORT_TEACHING, ITINERANT_TEACHING

}
