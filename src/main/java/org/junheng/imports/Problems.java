package org.junheng.imports;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The problems of an import as they are found: the first {@code kept} of them, for the bureau to
 * read, and whether there was any. Memory stays bounded when every row of a huge file is wrong.
 */
final class Problems {

	private final int kept;

	private final List<Problem> first = new ArrayList<>();

	private boolean any;

	Problems(int kept) {
		this.kept = kept;
	}

	synchronized void add(Problem problem) {
		this.any = true;
		if (this.first.size() < this.kept) {
			this.first.add(problem);
		}
	}

	void addAll(List<Problem> problems) {
		problems.forEach(this::add);
	}

	synchronized boolean isEmpty() {
		return !this.any;
	}

	/** The problems kept, in row order. */
	synchronized List<Problem> kept() {
		List<Problem> sorted = new ArrayList<>(this.first);
		sorted.sort(Comparator.comparingInt(Problem::row));
		return sorted;
	}

}
