package org.junheng.teacher;

import org.springframework.data.repository.reactive.ReactiveCrudRepository;

interface TeacherRepository extends ReactiveCrudRepository<Teacher, Long> {

}
