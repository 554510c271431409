package org.junheng.live;

import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Interner;
import graphql.execution.ExecutionContext;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.Node;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.VariableReference;

import org.junheng.security.Caller;

/**
 * What the result of one event depends on, besides the event: the document and operation, the
 * variables used below the subscribed field, the caller's authority and the language of
 * messages. The subscribed field's own arguments (a plan, a region, a cursor) choose which events
 * a subscriber gets, not what an event shows, so subscribers that differ only in them share.
 * The document is the parsed one, compared by identity: the document cache hands every request
 * with the same text the same one, and a request that sent only a persisted query's hash has no
 * text of its own (Spring puts a marker there, the same for every hash).
 */
final class SharingKey {

	/** One instance per distinct key while any subscription holds it, so that comparing is mostly identity. */
	private static final Interner<SharingKey> keys = Interner.newWeakInterner();

	private final Document document;

	private final String operation;

	private final Map<String, Object> variables;

	private final Caller.Authority authority;

	private final Locale locale;

	/** Computed once: the key is looked up for every delivery, and hashing its variables each time showed. */
	private final int hash;

	private SharingKey(Document document, String operation, Map<String, Object> variables, Caller.Authority authority,
			Locale locale) {
		this.document = document;
		this.operation = operation;
		this.variables = variables;
		this.authority = authority;
		this.locale = locale;
		this.hash = Objects.hash(System.identityHashCode(document), operation, variables, authority, locale);
	}

	@Override
	public boolean equals(Object other) {
		return this == other || (other instanceof SharingKey key && this.hash == key.hash && this.document == key.document
				&& Objects.equals(this.operation, key.operation) && this.variables.equals(key.variables)
				&& this.authority.equals(key.authority) && Objects.equals(this.locale, key.locale));
	}

	@Override
	public int hashCode() {
		return this.hash;
	}

	static SharingKey of(ExecutionContext context) {
		Map<String, Object> given = context.getExecutionInput().getRawVariables().toMap();
		Map<String, Object> used = new HashMap<>();
		for (String name : usedBelowRoot(context)) {
			if (given.containsKey(name)) {
				used.put(name, given.get(name));
			}
		}
		OperationDefinition operation = context.getOperationDefinition();
		return keys.intern(new SharingKey(context.getDocument(), operation.getName(),
				Collections.unmodifiableMap(used), Caller.of(context.getGraphQLContext()).authority(), context.getLocale()));
	}

	/**
	 * Every variable the document refers to outside the subscribed field's arguments. When the
	 * subscription's selection does not start with a plain field, all of them.
	 */
	private static Set<String> usedBelowRoot(ExecutionContext context) {
		Set<String> used = new HashSet<>();
		OperationDefinition operation = context.getOperationDefinition();
		Selection<?> first = operation.getSelectionSet().getSelections().get(0);
		if (!(first instanceof Field root) || operation.getSelectionSet().getSelections().size() > 1) {
			references(operation, used);
		}
		else {
			references(root.getSelectionSet(), used);
			root.getDirectives().forEach((directive) -> references(directive, used));
			operation.getDirectives().forEach((directive) -> references(directive, used));
		}
		context.getFragmentsByName().values().forEach((fragment) -> references(fragment, used));
		return used;
	}

	private static void references(Node<?> node, Set<String> names) {
		if (node == null) {
			return;
		}
		if (node instanceof VariableReference reference) {
			names.add(reference.getName());
		}
		for (Node<?> child : node.getChildren()) {
			references(child, names);
		}
	}

}
