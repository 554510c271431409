package org.junheng.system;

/**
 * Published after a write to base figures the indicators are computed from (conditions, teachers,
 * exchanges), so that whatever tracks indicators (targets and their milestones) can look again.
 */
public record BaseFiguresChanged(String what) {
}
