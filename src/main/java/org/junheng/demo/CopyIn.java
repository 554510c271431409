package org.junheng.demo;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.stream.Collectors;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Rows for one table, sent with PostgreSQL's COPY in CSV form: the province-size benchmark set
 * (800,000 teachers) loads in seconds where row-by-row inserts would take minutes. Rows are
 * buffered until {@link #flush()}; the caller flushes tables parents first, as the foreign keys
 * require.
 */
final class CopyIn {

	private final CopyManager copy;

	private final String sql;

	private final StringBuilder buffer = new StringBuilder();

	private long rows;

	CopyIn(Connection connection, String table, String columns) throws SQLException {
		this.copy = connection.unwrap(PGConnection.class).getCopyAPI();
		this.sql = "copy " + table + " (" + columns + ") from stdin with (format csv)";
	}

	CopyIn row(Object... values) {
		for (int i = 0; i < values.length; i++) {
			if (i > 0) {
				this.buffer.append(',');
			}
			append(values[i]);
		}
		this.buffer.append('\n');
		this.rows++;
		return this;
	}

	long rows() {
		return this.rows;
	}

	void flush() {
		if (this.buffer.isEmpty()) {
			return;
		}
		try {
			this.copy.copyIn(this.sql, new StringReader(this.buffer.toString()));
		}
		catch (SQLException | IOException ex) {
			throw new IllegalStateException("Could not load demo data with " + this.sql, ex);
		}
		this.buffer.setLength(0);
	}

	private void append(Object value) {
		if (value == null) {
			return;
		}
		String text = (value instanceof Collection<?> list)
				? list.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}")) : value.toString();
		this.buffer.append('"').append(text.replace("\"", "\"\"")).append('"');
	}

}
