package org.junheng.exchange;

import io.r2dbc.spi.Readable;
import java.time.LocalDate;

import org.junheng.security.SchoolOwned;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** 结对帮扶: a lead school supporting another for a period, with what they aim for. */
@Table("pairing")
public record Pairing(@Id Long id, Long leadSchoolId, Long supportedSchoolId, PairingMode mode, LocalDate startsOn,
		LocalDate endsOn, String goals, @Version Integer version) implements SchoolOwned {

	@Override
	public java.util.List<Long> schoolIds() {
		return java.util.List.of(this.leadSchoolId, this.supportedSchoolId);
	}


	Pairing with(PairingMode mode, LocalDate startsOn, LocalDate endsOn, String goals) {
		return new Pairing(this.id, this.leadSchoolId, this.supportedSchoolId, (mode != null) ? mode : this.mode,
				(startsOn != null) ? startsOn : this.startsOn, (endsOn != null) ? endsOn : this.endsOn,
				(goals != null) ? goals : this.goals, this.version);
	}


	static Pairing from(Readable row) {
		return new Pairing(row.get("id", Long.class), row.get("lead_school_id", Long.class),
				row.get("supported_school_id", Long.class), PairingMode.valueOf(row.get("mode", String.class)),
				row.get("starts_on", LocalDate.class), row.get("ends_on", LocalDate.class), row.get("goals", String.class),
				row.get("version", Integer.class));
	}


	/**
	 * The same pairing whatever the version read: batch loaders key their maps by the
	 * object, and hashing only the key is much cheaper than hashing every component.
	 */
	@Override
	public boolean equals(Object other) {
		return other instanceof Pairing that && java.util.Objects.equals(this.id, that.id);
	}

	@Override
	public int hashCode() {
		return java.util.Objects.hashCode(this.id);
	}

}
