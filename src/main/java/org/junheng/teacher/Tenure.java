package org.junheng.teacher;

import java.time.LocalDate;

/** A teacher's time at one school (V10): from the day of joining to the first day no longer there (null while there). */
record Tenure(long teacherId, long schoolId, LocalDate startedOn, LocalDate endedOn) {
}
