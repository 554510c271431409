"""Times the indicator benchmark against a running server; see bench/indicators.sh."""
import os
import json
import statistics
import sys
import time
import urllib.request

URL, RUNS, CHANGES = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])


def graphql(query, variables=None):
    body = json.dumps({"query": query, "variables": variables or {}}).encode()
    request = urllib.request.Request(URL, body, {"Content-Type": "application/json",
                                                 "Authorization": os.environ.get("AUTH", "")})
    with urllib.request.urlopen(request, timeout=120) as response:
        answer = json.load(response)
    if answer.get("errors"):
        raise SystemExit(f"errors: {answer['errors']}")
    return answer["data"]


BALANCE = """query($code: String!, $stage: SegmentStage!) { region(code: $code) { balance(schoolYear: 2026, stage: $stage) {
  verdict schools judgedSchools passingSchools indicators { code cv } } } }"""

counts = graphql("{ schools(first: 1) { totalCount } teachers(first: 1) { totalCount } }")
print(f"# Indicator benchmark: {counts['schools']['totalCount']} schools, {counts['teachers']['totalCount']} teachers\n")

recompute = []
for run in range(RUNS + 1):
    started = time.perf_counter()
    primary = graphql(BALANCE, {"code": "510000", "stage": "PRIMARY"})["region"]["balance"]
    junior = graphql(BALANCE, {"code": "510000", "stage": "JUNIOR"})["region"]["balance"]
    if run > 0:  # the first run warms the JIT and the database's cache
        recompute.append(time.perf_counter() - started)
print(f"Full province recompute (both stages, {primary['schools'] + junior['schools']} school stages): "
      f"median {statistics.median(recompute):.2f} s, min {min(recompute):.2f} s, max {max(recompute):.2f} s over {RUNS} runs\n")

school = graphql("""{ schools(first: 1, filter: { regionCode: "511921", stage: [PRIMARY], locality: [URBAN] }, orderBy: { field: CREATED })
  { edges { node { id regionCode: region { code } conditions(schoolYear: 2026) { studentsByGrade classSizes teachingArea sportsArea
    equipmentValue multimediaClassrooms musicRoomAreas artRoomAreas books version } } } } }""")["schools"]["edges"][0]["node"]
conditions = school["conditions"]
area = conditions["teachingArea"]
RECORD = """mutation($input: RecordSchoolConditionsInput!) { recordSchoolConditions(input: $input) { version teachingArea } }"""
WARMUP = 20  # changes before measuring: the JIT compiles this path only after a few dozen calls
latencies = []
for change in range(CHANGES + WARMUP):
    conditions["teachingArea"] = area * (0.5 if change % 2 == 0 else 1.0)
    variables = {"input": {**{k: v for k, v in conditions.items() if k != "version"}, "schoolId": school["id"],
                           "schoolYear": 2026, "version": conditions["version"]}}
    started = time.perf_counter()
    conditions["version"] = graphql(RECORD, variables)["recordSchoolConditions"]["version"]
    verdict = graphql(BALANCE, {"code": "511921", "stage": "PRIMARY"})["region"]["balance"]
    elapsed = time.perf_counter() - started
    teaching_cv = next(i["cv"] for i in verdict["indicators"] if i["code"] == "TEACHING_AREA")
    if change >= WARMUP:
        latencies.append(elapsed * 1000)
latencies.sort()
p99 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))]
print(f"One school's changed figure to its county's updated verdict ({CHANGES} changes after {WARMUP} to warm up, alternating the school's teaching area): "
      f"median {statistics.median(latencies):.1f} ms, p99 {p99:.1f} ms, max {max(latencies):.1f} ms "
      f"(last TEACHING_AREA CV {teaching_cv:.4f})")
# leave the school as it was
conditions["teachingArea"] = area
graphql(RECORD, {"input": {**{k: v for k, v in conditions.items() if k != "version"}, "schoolId": school["id"],
                           "schoolYear": 2026, "version": conditions["version"]}})
