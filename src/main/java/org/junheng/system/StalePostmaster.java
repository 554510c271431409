package org.junheng.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * After {@code kill -9} or a crash of Junheng, the embedded PostgreSQL it started lives on (it is
 * a process of its own) and holds the data directory, so the next start would fail. Before
 * starting, the postmaster named in {@code postmaster.pid} is stopped when it is a PostgreSQL
 * process of this very data directory; anything else is left alone.
 */
final class StalePostmaster {

	private static final Log logger = LogFactory.getLog(StalePostmaster.class);

	private StalePostmaster() {
	}

	static void stopIn(Path dataDirectory) throws IOException {
		Path pidFile = dataDirectory.resolve("postmaster.pid");
		if (!Files.exists(pidFile)) {
			return;
		}
		List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
		if (lines.size() < 2 || !lines.get(0).strip().matches("[0-9]{1,10}")) {
			return;
		}
		long pid = Long.parseLong(lines.get(0).strip());
		Optional<ProcessHandle> postmaster = ProcessHandle.of(pid)
			.filter((process) -> ours(process, dataDirectory, lines.get(1).strip()));
		if (postmaster.isEmpty()) {
			return;
		}
		logger.warn("Stopping the PostgreSQL (pid " + pid + ") that a previous run left on " + dataDirectory
				+ " (it did not shut down: killed or crashed)");
		postmaster.get().destroy();
		Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
		while (postmaster.get().isAlive() && Instant.now().isBefore(deadline)) {
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
		if (postmaster.get().isAlive()) {
			postmaster.get().destroyForcibly();
		}
	}

	/** The process is a postgres whose data directory (the pid file's second line) is this one. */
	private static boolean ours(ProcessHandle process, Path dataDirectory, String dataDirectoryOfPid) {
		boolean postgres = process.info().command().map((command) -> command.endsWith("/postgres")).orElse(false);
		try {
			return postgres && Path.of(dataDirectoryOfPid).toRealPath().equals(dataDirectory.toRealPath());
		}
		catch (IOException ex) {
			return false;
		}
	}

}
