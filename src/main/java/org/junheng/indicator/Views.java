package org.junheng.indicator;

import java.util.List;

import org.junheng.system.Text;

/** What the graph shows of indicators: plain records the schema's types map onto. */
final class Views {

	private Views() {
	}

	record IndicatorValue(String code, Double value, double threshold, Boolean met, Double ratio, IndicatorResult.Status status) {

		static IndicatorValue of(IndicatorResult result) {
			return new IndicatorValue(result.indicator().name(), result.value(), result.threshold(), result.met(), result.ratio(),
					result.status());
		}

	}

	record SchoolIndicators(int schoolYear, Segment stage, int students, boolean excluded, List<IndicatorValue> indicators,
			Verdict verdict, List<Text> reasons) {

		static SchoolIndicators of(SegmentEvaluation evaluation, int schoolYear) {
			return new SchoolIndicators(schoolYear, evaluation.segment(), evaluation.students(), evaluation.excluded(),
					evaluation.indicators().stream().map(IndicatorValue::of).toList(), evaluation.verdict(), evaluation.reasons());
		}

	}

	record BalanceVerdict(int schoolYear, Verdict verdict, String thresholdSet, List<SchoolIndicators> stages,
			List<GuaranteeItem> guarantees, List<Text> reasons) {
	}

	record Shortfall(long schoolId, double value, double threshold, double ratio) {
	}

	record IndicatorBalance(String code, Double cv, double threshold, Boolean met, Double mean, int schoolsCounted,
			int schoolsMissing, List<Shortfall> shortfalls) {
	}

	record ExchangeBalance(int eligibleTeachers, int exchangedTeachers, Double ratio, double ratioThreshold,
			int backboneExchanged, Double backboneShare, double backboneShareThreshold, Boolean met) {
	}

	record RegionBalance(int schoolYear, Segment stage, String thresholdSet, int schools, int judgedSchools, int passingSchools,
			List<IndicatorBalance> indicators, ExchangeBalance exchange, Verdict verdict, List<Text> reasons) {
	}

	record Threshold(String stage, double value, String source, String thresholdSet) {
	}

}
