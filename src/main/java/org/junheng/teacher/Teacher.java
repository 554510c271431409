package org.junheng.teacher;

import io.r2dbc.spi.Readable;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;

import org.junheng.security.SchoolOwned;
import org.junheng.system.Checks;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A full-time teacher (专任教师) with the latest time at a school: {@code schoolId}, the day the
 * teacher joined it and, once the teacher has left, the first day no longer there. Earlier times
 * at schools are kept as tenures (V10 writes them from this row). A teacher is never deleted.
 */
@Table("teacher")
public record Teacher(@Id Long id, Long schoolId, String name, Gender gender, Integer birthYear, List<String> subjects,
		Degree highestDegree, ProfessionalTitle professionalTitle, BackboneLevel backboneLevel, LocalDate backboneValidFrom,
		LocalDate backboneValidUntil, boolean hasCertificate, boolean peSpecialist, boolean musicSpecialist,
		boolean artSpecialist, @Column("training_hours_5y") Integer trainingHours, LocalDate joinedSchoolOn,
		LocalDate leftSchoolOn, String staffNumber, @Version Integer version) implements SchoolOwned {

	/** What a staff number (教职工号) may look like: letters, digits and hyphens, 4 to 32 of them. */
	public static final Pattern STAFF_NUMBER = Pattern.compile("[0-9A-Za-z-]{4,32}");

	/**
	 * The rules of a teacher record, checked on the record as it would be stored, by every writer
	 * (the mutations and the staff-list import) with the field names of its input.
	 */
	public Checks check(Checks checks) {
		return checks.text(this.name, "name", 50)
			.range(this.birthYear, 1940, 2010, "birthYear")
			.range(this.trainingHours, 0, 5000, "trainingHours")
			.require(this.subjects.size() <= 10, "subjects", "check.atMost", 10)
			.require(this.subjects.stream().allMatch((s) -> !s.isBlank() && s.length() <= 20), "subjects", "check.subjects")
			.require(this.backboneValidFrom == null || this.backboneValidUntil == null
					|| !this.backboneValidUntil.isBefore(this.backboneValidFrom), "backboneValidUntil", "check.backboneUntil")
			.require(this.joinedSchoolOn == null || this.birthYear == null || this.joinedSchoolOn.getYear() >= this.birthYear + 16,
					"joinedSchoolOn", "check.joinedAge")
			.require(this.leftSchoolOn == null || this.joinedSchoolOn == null || this.leftSchoolOn.isAfter(this.joinedSchoolOn),
					"leftSchoolOn", "check.leftAfterJoined")
			.require(this.staffNumber == null || STAFF_NUMBER.matcher(this.staffNumber).matches(), "staffNumber",
					"check.staffNumber");
	}


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
				row.get("joined_school_on", LocalDate.class), row.get("left_school_on", LocalDate.class),
				row.get("staff_number", String.class), row.get("version", Integer.class));
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
