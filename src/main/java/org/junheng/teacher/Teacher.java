package org.junheng.teacher;

import java.time.LocalDate;
import java.util.List;

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
		@Version Integer version) {

	public boolean backbone() {
		return this.backboneLevel != BackboneLevel.NONE;
	}

}
