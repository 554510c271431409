package org.junheng.security;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;

/**
 * The size of an operation as it would execute, with every fragment spread expanded, in time
 * linear in the document: each fragment is measured once and its size reused wherever it is
 * spread. A fragment spreading another twice, twenty levels deep, is a few hundred characters and
 * millions of fields; this finds that out without expanding it. Fields of every kind count,
 * introspection and {@code __typename} included. Sizes saturate at {@link #CAP}.
 */
record DocumentSize(long fields, long aliases, long depth) {

	static final long CAP = 1L << 40;

	static DocumentSize of(Document document, String operationName) {
		Map<String, FragmentDefinition> fragments = new HashMap<>();
		for (FragmentDefinition fragment : document.getDefinitionsOfType(FragmentDefinition.class)) {
			fragments.put(fragment.getName(), fragment);
		}
		Measure measure = new Measure(fragments);
		DocumentSize largest = new DocumentSize(0, 0, 0);
		for (OperationDefinition operation : document.getDefinitionsOfType(OperationDefinition.class)) {
			if (operationName == null || operationName.equals(operation.getName())) {
				DocumentSize size = measure.of(operation.getSelectionSet());
				largest = new DocumentSize(Math.max(largest.fields, size.fields), Math.max(largest.aliases, size.aliases),
						Math.max(largest.depth, size.depth));
			}
		}
		return largest;
	}

	private static long add(long a, long b) {
		return Math.min(CAP, a + b);
	}

	private static final class Measure {

		private final Map<String, FragmentDefinition> fragments;

		private final Map<String, DocumentSize> measured = new HashMap<>();

		/** Fragments being measured: a cycle (refused later by validation) counts as nothing here. */
		private final Set<String> open = new HashSet<>();

		Measure(Map<String, FragmentDefinition> fragments) {
			this.fragments = fragments;
		}

		DocumentSize of(SelectionSet set) {
			long fields = 0;
			long aliases = 0;
			long depth = 0;
			if (set == null) {
				return new DocumentSize(0, 0, 0);
			}
			for (Selection<?> selection : set.getSelections()) {
				DocumentSize size;
				if (selection instanceof Field field) {
					DocumentSize below = of(field.getSelectionSet());
					size = new DocumentSize(add(below.fields, 1), add(below.aliases, (field.getAlias() != null) ? 1 : 0),
							below.depth + 1);
				}
				else if (selection instanceof InlineFragment inline) {
					size = of(inline.getSelectionSet());
				}
				else if (selection instanceof FragmentSpread spread) {
					size = fragment(spread.getName());
				}
				else {
					continue;
				}
				fields = add(fields, size.fields);
				aliases = add(aliases, size.aliases);
				depth = Math.max(depth, size.depth);
			}
			return new DocumentSize(fields, aliases, depth);
		}

		private DocumentSize fragment(String name) {
			DocumentSize known = this.measured.get(name);
			if (known != null) {
				return known;
			}
			FragmentDefinition fragment = this.fragments.get(name);
			if (fragment == null || !this.open.add(name)) {
				return new DocumentSize(0, 0, 0);
			}
			DocumentSize size = of(fragment.getSelectionSet());
			this.open.remove(name);
			this.measured.put(name, size);
			return size;
		}

	}

}
