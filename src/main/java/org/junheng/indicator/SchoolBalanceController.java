package org.junheng.indicator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import org.dataloader.DataLoader;
import reactor.core.publisher.Mono;

import org.junheng.school.School;
import org.junheng.system.Batches;
import org.junheng.system.Checks;
import org.junheng.system.Text;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;

/**
 * A school's indicators and verdict for a school year, computed on demand from its current base
 * figures. Schools asked for together are read in one statement per region (regions may use
 * different threshold sets).
 */
@Controller
class SchoolBalanceController {

	private final ThresholdSets thresholdSets;

	private final SchoolFiguresLoader figures;

	SchoolBalanceController(ThresholdSets thresholdSets, SchoolFiguresLoader figures, BatchLoaderRegistry loaders) {
		this.thresholdSets = thresholdSets;
		this.figures = figures;
		loaders.<BalanceKey, Views.BalanceVerdict>forName("schoolBalance").registerMappedBatchLoader((keys, env) -> Batches
			.byGroup(keys, (key) -> key.regionCode() + "/" + key.schoolYear(), (group, groupKeys) -> load(groupKeys)));
	}

	record BalanceKey(long schoolId, String regionCode, int schoolYear) {
	}

	@SchemaMapping
	CompletableFuture<List<Views.SchoolIndicators>> indicators(School school, @Argument int schoolYear,
			DataLoader<BalanceKey, Views.BalanceVerdict> schoolBalance) {
		return balanceVerdict(school, schoolYear, schoolBalance)
			.thenApply((verdict) -> (verdict != null) ? verdict.stages() : List.of());
	}

	@SchemaMapping
	CompletableFuture<Views.BalanceVerdict> balanceVerdict(School school, @Argument int schoolYear,
			DataLoader<BalanceKey, Views.BalanceVerdict> schoolBalance) {
		Checks.arguments().schoolYear(schoolYear, "schoolYear").validate();
		return schoolBalance.load(new BalanceKey(school.id(), school.regionCode(), schoolYear));
	}

	@SchemaMapping(typeName = "SchoolIndicators")
	List<String> reasons(Views.SchoolIndicators stage, Locale locale) {
		return Text.in(stage.reasons(), locale);
	}

	@SchemaMapping(typeName = "BalanceVerdict", field = "reasons")
	List<String> verdictReasons(Views.BalanceVerdict verdict, Locale locale) {
		return Text.in(verdict.reasons(), locale);
	}

	@SchemaMapping(typeName = "GuaranteeItem")
	String detail(GuaranteeItem item, Locale locale) {
		return item.detail().in(locale);
	}

	private Mono<Map<BalanceKey, Views.BalanceVerdict>> load(List<BalanceKey> keys) {
		BalanceKey first = keys.get(0);
		return this.thresholdSets.forRegion(first.regionCode())
			.flatMap((thresholds) -> this.figures.forSchools(keys.stream().map(BalanceKey::schoolId).toList(), first.schoolYear(), thresholds)
				.map((school) -> Map.entry(new BalanceKey(school.schoolId(), first.regionCode(), first.schoolYear()),
						verdict(school, thresholds, first.schoolYear())))
				.collectMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	/**
	 * The school passes when every stage it is judged in passes the resource rule; a school with
	 * no stage judged (a teaching point under 50 students) is NOT_JUDGED.
	 */
	static Views.BalanceVerdict verdict(SchoolFigures school, Thresholds thresholds, int schoolYear) {
		List<SegmentEvaluation> stages = school.segments().stream().map((s) -> SegmentEvaluation.of(s, thresholds)).toList();
		List<Text> reasons = new ArrayList<>();
		stages.forEach((stage) -> stage.reasons()
			.forEach((reason) -> reasons.add(Text.of("reason.stage", Text.of("segment." + stage.segment()), reason))));
		List<SegmentEvaluation> judged = stages.stream().filter((s) -> s.verdict() != Verdict.NOT_JUDGED).toList();
		Verdict verdict = judged.isEmpty() && !stages.isEmpty() ? Verdict.NOT_JUDGED
				: judged.stream().anyMatch((s) -> s.verdict() == Verdict.FAIL) ? Verdict.FAIL
						: judged.stream().anyMatch((s) -> s.verdict() == Verdict.NO_DATA) ? Verdict.NO_DATA : Verdict.PASS;
		return new Views.BalanceVerdict(schoolYear, verdict, thresholds.setCode(),
				stages.stream().map((s) -> Views.SchoolIndicators.of(s, schoolYear)).collect(Collectors.toList()),
				GuaranteeItem.of(school, thresholds), List.copyOf(reasons));
	}

}
