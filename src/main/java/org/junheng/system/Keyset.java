package org.junheng.system;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import graphql.schema.DataFetchingFieldSelectionSet;
import io.r2dbc.spi.Row;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * Keyset (seek) pagination in SQL. A page is {@code WHERE (sort, id) > (cursor) ORDER BY sort, id
 * LIMIT n + 1}, so deep pages cost the same as the first and rows written between two pages are
 * neither skipped nor repeated. The cursor carries the sort it belongs to and the row id; the
 * sort value is read back from that row.
 */
@Component
public final class Keyset {

	private final DatabaseClient db;

	Keyset(DatabaseClient db) {
		this.db = db;
	}

	/**
	 * An ordering: its name (checked against cursors), the SQL expression and the direction. The
	 * row's numeric unique key (the column {@code key}, {@code id} unless told) breaks ties.
	 */
	public record Sort(String name, String expression, boolean descending, String key) {

		public Sort(String name, String expression, boolean descending) {
			this(name, expression, descending, "id");
		}

	}

	/** What a list can be ordered by: an SQL expression. */
	public record Column(String expression) {
	}

	/**
	 * The ordering a client asked for, by an order field of the list's enum and that list's
	 * columns; {@code list} names the list, so a cursor of one list or order is refused by another.
	 * {@code key} is the unique numeric column that breaks ties.
	 */
	public static <F extends Enum<F>> Sort sort(String list, F field, Map<F, Column> columns, String direction, String key) {
		Column column = columns.get(field);
		boolean descending = "DESC".equals(direction);
		return new Sort(list + "-" + field.name() + (descending ? "-desc" : ""), column.expression(), descending, key);
	}

	public static <F extends Enum<F>> Sort sort(String list, F field, Map<F, Column> columns, String direction) {
		return sort(list, field, columns, direction, "id");
	}

	/**
	 * One page of a top-level list. {@code from} must name the listed table with the given alias.
	 * When the client selected {@code totalCount}, the count comes in the same statement as an
	 * uncorrelated subquery, which PostgreSQL computes once.
	 */
	public <T> Mono<Connection<T>> page(String from, String alias, SqlWhere where, Sort sort, PageRequest page,
			DataFetchingFieldSelectionSet selection, Function<? super Row, T> mapper) {
		boolean withTotal = selection != null && selection.contains("totalCount");
		boolean descending = sort.descending() ^ page.backward();
		String direction = descending ? " desc" : " asc";
		String key = alias + "." + sort.key();
		StringBuilder sql = new StringBuilder("select ").append(alias).append(".*, (").append(key)
			.append(")::bigint as cursor_id");
		if (withTotal) {
			sql.append(", (select count(*) from ").append(from).append(" where ").append(where.sql()).append(") as total_count");
		}
		sql.append(" from ").append(from).append(" where ").append(where.sql());
		Long cursor = Cursor.decode(page, sort);
		if (cursor != null) {
			sql.append(" and (").append(sort.expression()).append(", ").append(key).append(") ")
				.append(descending ? "<" : ">").append(" (").append(cursorValue(from, where, sort, key)).append(", :cursor_id)");
		}
		sql.append(" order by ").append(sort.expression()).append(direction).append(", ").append(key).append(direction)
			.append(" limit :limit");
		DatabaseClient.GenericExecuteSpec spec = where.bind(this.db.sql(sql.toString())).bind("limit", page.size() + 1);
		if (cursor != null) {
			spec = spec.bind("cursor_id", cursor);
		}
		Mono<Long> total = where.bind(this.db.sql("select count(*) from " + from + " where " + where.sql()))
			.map((row) -> row.get(0, Long.class))
			.one()
			.cache();
		long[] counted = { -1 };
		return spec.map((row, meta) -> {
			if (withTotal) {
				counted[0] = row.get("total_count", Long.class);
			}
			return new Connection.Edge<>(mapper.apply(row),
					Cursor.encode(sort, row.get("cursor_id", Long.class)));
		})
			.all()
			.collectList()
			// An empty page carries no count: only then is a separate COUNT sent, and only if asked for.
			.map((edges) -> connection(edges, page, cursor != null, (counted[0] >= 0) ? Mono.just(counted[0]) : total));
	}

	/**
	 * The first page of a nested list for many parents at once, in one statement: rows are
	 * numbered per parent with a window function. {@code parent} is the SQL expression of the
	 * parent key (the DataLoader key); the total per parent comes from the same statement.
	 */
	public <K, T> Mono<Map<K, Connection<T>>> pages(String from, String alias, String parent, Class<K> parentType,
			SqlWhere where, Sort sort, PageRequest page, Function<? super Row, T> mapper) {
		String direction = sort.descending() ? " desc" : " asc";
		String key = alias + "." + sort.key();
		Long cursor = Cursor.decode(page, sort);
		String visible = (cursor != null) ? "case when (" + sort.expression() + ", " + key + ") "
				+ (sort.descending() ? "<" : ">") + " (" + cursorValue(from, where, sort, key) + ", :cursor_id) then 1 else 0 end"
				: "1";
		String sql = "select * from (select x.*, row_number() over (partition by x.parent_key, x.visible order by "
				+ "x.sort_key" + direction + ", x.cursor_id" + direction + ") as rn from (select " + alias + ".*, "
				+ parent + " as parent_key, " + sort.expression() + " as sort_key, (" + key + ")::bigint as cursor_id, " + visible + " as visible, "
				+ "count(*) over (partition by " + parent + ") as total_count from " + from + " where " + where.sql()
				+ ") x) y where (visible = 1 and rn <= :limit) or rn = 1 order by parent_key, visible desc, rn";
		DatabaseClient.GenericExecuteSpec spec = where.bind(this.db.sql(sql)).bind("limit", page.size() + 1);
		if (cursor != null) {
			spec = spec.bind("cursor_id", cursor);
		}
		return spec.map((row, meta) -> new NestedRow<>(row.get("parent_key", parentType),
				row.get("visible", Integer.class) == 1, row.get("total_count", Long.class),
				new Connection.Edge<>(mapper.apply(row),
						Cursor.encode(sort, row.get("cursor_id", Long.class)))))
			.all()
			.collectList()
			.map((rows) -> {
				Map<K, List<NestedRow<K, T>>> byParent = new LinkedHashMap<>();
				rows.forEach((row) -> byParent.computeIfAbsent(row.parent(), (k) -> new ArrayList<>()).add(row));
				Map<K, Connection<T>> result = new LinkedHashMap<>();
				byParent.forEach((parentKey, parentRows) -> {
					List<Connection.Edge<T>> edges = parentRows.stream().filter(NestedRow::visible).map(NestedRow::edge)
						.toList();
					Mono<Long> total = Mono.just(parentRows.get(0).total());
					result.put(parentKey, connection(edges, page, cursor != null, total));
				});
				return result;
			});
	}

	/** The connection of a parent with no rows at all. */
	public static <T> Connection<T> empty() {
		return new Connection<>(List.of(), new Connection.PageInfo(false, false, null, null), Mono.just(0L));
	}

	private static <T> Connection<T> connection(List<Connection.Edge<T>> fetched, PageRequest page, boolean hadCursor,
			Mono<Long> total) {
		boolean more = fetched.size() > page.size();
		List<Connection.Edge<T>> edges = new ArrayList<>(more ? fetched.subList(0, page.size()) : fetched);
		if (page.backward()) {
			Collections.reverse(edges);
		}
		Connection.PageInfo info = new Connection.PageInfo(page.backward() ? hadCursor : more,
				page.backward() ? more : hadCursor, edges.isEmpty() ? null : edges.get(0).cursor(),
				edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor());
		return new Connection<>(List.copyOf(edges), info, total);
	}

	private record NestedRow<K, T>(K parent, boolean visible, long total, Connection.Edge<T> edge) {
	}

	/**
	 * The sort value a cursor stands at, read from the cursor's own row, which must be in the
	 * list (its filters and the caller's scope): a cursor of a row the caller cannot list finds no
	 * position, so no cursor can probe where a hidden row sorts.
	 */
	private static String cursorValue(String from, SqlWhere where, Sort sort, String key) {
		return "(select " + sort.expression() + " from " + from + " where " + where.sql() + " and (" + key
				+ ")::bigint = :cursor_id limit 1)";
	}

	/**
	 * Cursors carry the list and order they belong to and the row's key, nothing else: no field
	 * value (a teacher's name, say) travels in them.
	 */
	private static final class Cursor {

		private Cursor() {
		}

		static String encode(Sort sort, long id) {
			String raw = sort.name() + "|" + id;
			return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
		}

		static Long decode(PageRequest page, Sort sort) {
			String cursor = page.cursor();
			if (cursor == null) {
				return null;
			}
			try {
				String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
				String[] parts = raw.split("\\|", -1);
				if (parts.length == 2 && parts[0].equals(sort.name()) && parts[1].matches("[0-9]{1,18}")) {
					return Long.valueOf(parts[1]);
				}
			}
			catch (IllegalArgumentException ex) {
				// falls through to the error below
			}
			throw InvalidInputException.of(page.backward() ? "before" : "after", "check.listCursor");
		}

	}

}
