package org.junheng.exchange;

import java.time.LocalDate;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** 结对帮扶: a lead school supporting another for a period, with what they aim for. */
@Table("pairing")
public record Pairing(@Id Long id, Long leadSchoolId, Long supportedSchoolId, PairingMode mode, LocalDate startsOn,
		LocalDate endsOn, String goals, @Version Integer version) {

	Pairing with(PairingMode mode, LocalDate startsOn, LocalDate endsOn, String goals) {
		return new Pairing(this.id, this.leadSchoolId, this.supportedSchoolId, (mode != null) ? mode : this.mode,
				(startsOn != null) ? startsOn : this.startsOn, (endsOn != null) ? endsOn : this.endsOn,
				(goals != null) ? goals : this.goals, this.version);
	}

}
