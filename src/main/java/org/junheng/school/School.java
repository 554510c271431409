package org.junheng.school;

import io.r2dbc.spi.Readable;
import org.junheng.security.SchoolOwned;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

@Table("school")
public record School(@Id Long id, String code, String name, SchoolStage stage, Locality locality, String regionCode,
		boolean boarding, @Version Integer version) implements SchoolOwned {

	@Override
	public java.util.List<Long> schoolIds() {
		return java.util.List.of(this.id);
	}


	School with(String name, SchoolStage stage, Locality locality, String regionCode, Boolean boarding) {
		return new School(this.id, this.code, (name != null) ? name : this.name, (stage != null) ? stage : this.stage,
				(locality != null) ? locality : this.locality, (regionCode != null) ? regionCode : this.regionCode,
				(boarding != null) ? boarding : this.boarding, this.version);
	}


	public static School from(Readable row) {
		return new School(row.get("id", Long.class), row.get("code", String.class), row.get("name", String.class),
				SchoolStage.valueOf(row.get("stage", String.class)), Locality.valueOf(row.get("locality", String.class)),
				row.get("region_code", String.class), Boolean.TRUE.equals(row.get("boarding", Boolean.class)),
				row.get("version", Integer.class));
	}


	/**
	 * The same school whatever the version read: batch loaders key their maps by the
	 * object, and hashing only the key is much cheaper than hashing every component.
	 */
	@Override
	public boolean equals(Object other) {
		return other instanceof School that && java.util.Objects.equals(this.id, that.id);
	}

	@Override
	public int hashCode() {
		return java.util.Objects.hashCode(this.id);
	}

}
