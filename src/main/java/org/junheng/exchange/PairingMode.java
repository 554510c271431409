package org.junheng.exchange;

/** 集团化办学, 托管, 联盟. */
public enum PairingMode {

	GROUP, ENTRUSTED_MANAGEMENT, ALLIANCE

}
