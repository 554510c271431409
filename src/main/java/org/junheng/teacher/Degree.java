package org.junheng.teacher;

/** Highest degree: 高中, 中专, 专科 (junior college), 本科, 硕士, 博士. */
public enum Degree {

	HIGH_SCHOOL, SECONDARY_VOCATIONAL, ASSOCIATE, BACHELOR, MASTER, DOCTORATE

}
