package org.junheng.indicator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.junheng.region.Region;
import org.junheng.region.Regions;
import org.junheng.security.Access;
import org.junheng.security.Caller;
import org.junheng.security.Scope;
import org.junheng.system.Checks;
import org.junheng.system.Languages;
import org.junheng.system.SqlWhere;
import org.junheng.system.Text;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * What the inspection exports show: the region's balance (region-level data) and each school's
 * indicators, of the schools the caller may read only, computed by the same code as the graph's
 * {@code Region.balance} and {@code School.balanceVerdict}.
 */
@Component
class BalanceExport {

	private final Regions regions;

	private final Access access;

	private final ThresholdSets thresholdSets;

	private final SchoolFiguresLoader figures;

	private final RegionBalances balances;

	private final DatabaseClient db;

	BalanceExport(Regions regions, Access access, ThresholdSets thresholdSets, SchoolFiguresLoader figures, RegionBalances balances,
			DatabaseClient db) {
		this.regions = regions;
		this.access = access;
		this.thresholdSets = thresholdSets;
		this.figures = figures;
		this.balances = balances;
		this.db = db;
	}

	/** A region's figures for one school year, as far as the caller may read them. */
	record Report(Region region, int schoolYear, List<Views.RegionBalance> balances, List<BalanceWorkbook.SchoolRow> schools,
			Map<Long, String> names) {
	}

	Mono<Report> report(Caller caller, String regionCode, Integer schoolYear) {
		Checks.arguments().require(regionCode != null && Regions.isCode(regionCode), "region", "check.regionCode")
			.require(schoolYear != null, "schoolYear", "import.required")
			.schoolYear(schoolYear, "schoolYear")
			.validate();
		Scope schoolData = this.access.requireSchoolData(caller, "exports");
		return this.regions.require(regionCode, "region").flatMap((region) -> this.thresholdSets.forRegion(region.code())
			.flatMap((thresholds) -> this.figures.forRegion(region.code(), schoolYear, thresholds).collectList()
				.flatMap((all) -> visible(schoolData, all).zipWith(this.balances.of(List.of(key(region, schoolYear, Segment.PRIMARY),
						key(region, schoolYear, Segment.JUNIOR))))
					.map((both) -> {
						List<BalanceWorkbook.SchoolRow> rows = all.stream().filter((school) -> both.getT1().contains(school.schoolId()))
							.sorted(Comparator.comparing(SchoolFigures::name))
							.map((school) -> new BalanceWorkbook.SchoolRow(school.name(),
									SchoolBalanceController.verdict(school, thresholds, schoolYear)))
							.toList();
						Map<Long, String> names = all.stream().collect(Collectors.toMap(SchoolFigures::schoolId, SchoolFigures::name,
								(a, b) -> a));
						return new Report(region, schoolYear, List.of(both.getT2().get(key(region, schoolYear, Segment.PRIMARY)),
								both.getT2().get(key(region, schoolYear, Segment.JUNIOR))), rows, names);
					}))));
	}

	Mono<byte[]> workbook(Caller caller, String regionCode, Integer schoolYear) {
		return report(caller, regionCode, schoolYear).publishOn(Schedulers.boundedElastic())
			.map((report) -> BalanceWorkbook.write(report.region().name(), report.schoolYear(), report.balances(), report.schools(),
					report.names()));
	}

	/** The schools' indicators as one CSV list, a row per school and stage, as the workbook's school sheets. */
	Mono<byte[]> csv(Caller caller, String regionCode, Integer schoolYear) {
		return report(caller, regionCode, schoolYear).map((report) -> {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			try (CSVPrinter printer = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8), CSVFormat.EXCEL)) {
				out.write(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF });
				List<String> header = new ArrayList<>(List.of("学校", "学段", "学生数"));
				for (ResourceIndicator indicator : ResourceIndicator.values()) {
					header.add(indicator.text().in(Languages.CHINESE));
				}
				header.addAll(List.of("结论", "原因"));
				printer.printRecord(header);
				for (BalanceWorkbook.SchoolRow school : report.schools()) {
					for (Views.SchoolIndicators stage : school.verdict().stages()) {
						List<Object> row = new ArrayList<>(List.of(school.name(), stage.stage() == Segment.PRIMARY ? "小学" : "初中",
								stage.students()));
						stage.indicators().forEach((value) -> row.add((value.value() != null) ? value.value() : ""));
						row.add(stage.verdict().name());
						row.add(Text.joined(stage.reasons()).in(Languages.CHINESE));
						printer.printRecord(row);
					}
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			return out.toByteArray();
		});
	}

	private Mono<Set<Long>> visible(Scope scope, List<SchoolFigures> schools) {
		if (schools.isEmpty()) {
			return Mono.just(Set.of());
		}
		SqlWhere where = scope.onSchool(new SqlWhere().and("s.id = any(:ids)", "ids",
				schools.stream().map(SchoolFigures::schoolId).toArray(Long[]::new)), "s.id");
		return where.bind(this.db.sql("select s.id from school s where " + where.sql())).map((row) -> row.get("id", Long.class))
			.all().collect(Collectors.toSet());
	}

	private static RegionBalances.Key key(Region region, int schoolYear, Segment stage) {
		return new RegionBalances.Key(region.code(), region.path(), schoolYear, stage);
	}

}
