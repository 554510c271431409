package org.junheng.planner;

import org.junheng.system.GlobalId;
import org.junheng.system.InvalidInputException;

/**
 * A proposal's ID: the region, the school year and the fingerprint of the figures it was
 * computed from, opaque to clients. Nothing is kept on the server, so any instance accepts it.
 */
record ProposalId(String regionCode, int schoolYear, String fingerprint) {

	private static final String TYPE = "ExchangeProposal";

	String encoded() {
		return GlobalId.of(TYPE, this.regionCode + "/" + this.schoolYear + "/" + this.fingerprint);
	}

	static ProposalId parse(String id, String field) {
		GlobalId parsed = GlobalId.parse(id);
		String[] parts = (parsed != null && parsed.type().equals(TYPE)) ? parsed.key().split("/") : new String[0];
		if (parts.length != 3 || !parts[0].matches("[1-9][0-9]{5}") || !parts[1].matches("[0-9]{4}") || !parts[2].matches("[0-9a-f]{32}")) {
			throw InvalidInputException.of(field, "check.globalId", TYPE);
		}
		return new ProposalId(parts[0], Integer.parseInt(parts[1]), parts[2]);
	}

}
