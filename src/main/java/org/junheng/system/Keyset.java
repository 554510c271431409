package org.junheng.system;

import java.util.ArrayList;
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
		return page(new PageQuery(from, alias, where, sort, page), selection, mapper);
	}

	public <T> Mono<Connection<T>> page(PageQuery query, DataFetchingFieldSelectionSet selection,
			Function<? super Row, T> mapper) {
		boolean withTotal = selection != null && selection.contains("totalCount");
		Sort sort = query.sort();
		PageRequest page = query.page();
		SqlWhere where = query.where();
		boolean once = query.readsOnce(withTotal);
		StringBuilder sql = new StringBuilder(once ? "with " + query.matches() + " " : "").append("select ")
			.append(query.alias()).append(".*, (").append(query.key()).append(")::bigint as cursor_id");
		if (withTotal) {
			sql.append(", ").append(query.count(once)).append(" as total_count");
		}
		Long cursor = KeysetCursor.decode(page, sort);
		sql.append(query.seek(once, cursor));
		DatabaseClient.GenericExecuteSpec spec = where.bind(this.db.sql(sql.toString())).bind("limit", page.size() + 1);
		if (cursor != null) {
			spec = spec.bind("cursor_id", cursor);
		}
		Mono<Long> total = where.bind(this.db.sql("select " + query.count()))
			.map((row) -> row.get(0, Long.class))
			.one()
			.cache();
		long[] counted = { -1 };
		return spec.map((row, meta) -> {
			if (withTotal) {
				counted[0] = row.get("total_count", Long.class);
			}
			return new Connection.Edge<>(mapper.apply(row),
					KeysetCursor.encode(sort, row.get("cursor_id", Long.class)));
		})
			.all()
			.collectList()
			// An empty page carries no count: only then is a separate COUNT sent, and only if asked for.
			.map((edges) -> connection(edges, page, cursor != null, (counted[0] >= 0) ? Mono.just(counted[0]) : total));
	}

	/**
	 * The rows of one page and one more (to know whether there are more), as {@code from ...
	 * limit :limit} with the cursor's position bound to {@code :cursor_id}: in the order asked for
	 * when paging forward, reversed when paging backward.
	 */
	static String seek(PageQuery query, Long cursor) {
		Sort sort = query.sort();
		String direction = query.fetchedDescending() ? " desc" : " asc";
		StringBuilder sql = new StringBuilder(" from ").append(query.from()).append(" where ").append(query.where().sql());
		if (cursor != null) {
			sql.append(" and (").append(sort.expression()).append(", ").append(query.key()).append(") ")
				.append(query.fetchedDescending() ? "<" : ">").append(" (")
				.append(cursorValue(query.from(), query.where(), sort, query.key())).append(", :cursor_id)");
		}
		return sql.append(" order by ").append(sort.expression()).append(direction).append(", ").append(query.key())
			.append(direction).append(" limit :limit").toString();
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
		Long cursor = KeysetCursor.decode(page, sort);
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
						KeysetCursor.encode(sort, row.get("cursor_id", Long.class)))))
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

}
