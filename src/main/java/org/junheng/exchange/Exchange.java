package org.junheng.exchange;

import io.r2dbc.spi.Readable;
import java.time.LocalDate;

import org.junheng.security.SchoolOwned;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** 交流轮岗: a teacher working at another school for a period of one school year. */
@Table("exchange")
public record Exchange(@Id Long id, Long teacherId, Long fromSchoolId, Long toSchoolId, Integer schoolYear, ExchangeKind kind,
		LocalDate startsOn, LocalDate endsOn, ExchangeStatus status, @Version Integer version) implements SchoolOwned {

	@Override
	public java.util.List<Long> schoolIds() {
		return java.util.List.of(this.fromSchoolId, this.toSchoolId);
	}


	/** A school year runs from September to the end of August. */
	boolean startsInSchoolYear() {
		return !this.startsOn.isBefore(LocalDate.of(this.schoolYear, 9, 1))
				&& this.startsOn.isBefore(LocalDate.of(this.schoolYear + 1, 9, 1));
	}

	Exchange with(ExchangeKind kind, LocalDate startsOn, LocalDate endsOn, ExchangeStatus status) {
		return new Exchange(this.id, this.teacherId, this.fromSchoolId, this.toSchoolId, this.schoolYear,
				(kind != null) ? kind : this.kind, (startsOn != null) ? startsOn : this.startsOn,
				(endsOn != null) ? endsOn : this.endsOn, (status != null) ? status : this.status, this.version);
	}


	static Exchange from(Readable row) {
		return new Exchange(row.get("id", Long.class), row.get("teacher_id", Long.class), row.get("from_school_id", Long.class),
				row.get("to_school_id", Long.class), row.get("school_year", Integer.class),
				ExchangeKind.valueOf(row.get("kind", String.class)), row.get("starts_on", LocalDate.class),
				row.get("ends_on", LocalDate.class), ExchangeStatus.valueOf(row.get("status", String.class)),
				row.get("version", Integer.class));
	}


	/**
	 * The same exchange whatever the version read: batch loaders key their maps by the
	 * object, and hashing only the key is much cheaper than hashing every component.
	 */
	@Override
	public boolean equals(Object other) {
		return other instanceof Exchange that && java.util.Objects.equals(this.id, that.id);
	}

	@Override
	public int hashCode() {
		return java.util.Objects.hashCode(this.id);
	}

}
