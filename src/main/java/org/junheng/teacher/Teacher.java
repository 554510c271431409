package org.junheng.teacher;

import io.r2dbc.spi.Readable;
import java.time.LocalDate;
import java.util.List;

import org.junheng.security.SchoolOwned;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.Table;

/** A full-time teacher (专任教师); {@code schoolId} is the school the teacher belongs to now. */
@Table("teacher")
public record Teacher(@Id Long id, Long schoolId, String name, Gender gender, Integer birthYear, List<String> subjects,
		Degree highestDegree, ProfessionalTitle professionalTitle, BackboneLevel backboneLevel, LocalDate backboneValidFrom,
		LocalDate backboneValidUntil, boolean hasCertificate, boolean peSpecialist, boolean musicSpecialist,
		boolean artSpecialist, @Column("training_hours_5y") Integer trainingHours, LocalDate joinedSchoolOn,
		@Version Integer version) implements SchoolOwned {

	@Override
	public java.util.List<Long> schoolIds() {
		return java.util.List.of(this.schoolId);
	}


	public boolean backbone() {
		return this.backboneLevel != BackboneLevel.NONE;
	}


	public static Teacher from(Readable row) {
		return new Teacher(row.get("id", Long.class), row.get("school_id", Long.class), row.get("name", String.class),
				Gender.valueOf(row.get("gender", String.class)), row.get("birth_year", Integer.class),
				List.of(row.get("subjects", String[].class)), Degree.valueOf(row.get("highest_degree", String.class)),
				ProfessionalTitle.valueOf(row.get("professional_title", String.class)),
				BackboneLevel.valueOf(row.get("backbone_level", String.class)), row.get("backbone_valid_from", LocalDate.class),
				row.get("backbone_valid_until", LocalDate.class), Boolean.TRUE.equals(row.get("has_certificate", Boolean.class)),
				Boolean.TRUE.equals(row.get("pe_specialist", Boolean.class)),
				Boolean.TRUE.equals(row.get("music_specialist", Boolean.class)),
				Boolean.TRUE.equals(row.get("art_specialist", Boolean.class)), row.get("training_hours_5y", Integer.class),
				row.get("joined_school_on", LocalDate.class), row.get("version", Integer.class));
	}


	/**
	 * The same teacher whatever the version read: batch loaders key their maps by the
	 * object, and hashing only the key is much cheaper than hashing every component.
	 */
	@Override
	public boolean equals(Object other) {
		return other instanceof Teacher that && java.util.Objects.equals(this.id, that.id);
	}

	@Override
	public int hashCode() {
		return java.util.Objects.hashCode(this.id);
	}

}
