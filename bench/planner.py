"""Asks for exchange proposals and prints their figures as a Markdown table (see bench/planner.sh)."""
import json
import os
import sys
import time
import urllib.request

URL, LIMIT, COUNTIES = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
QUERY = """query($code: String!, $limit: Int!) {
  exchangeProposal(regionCode: $code, schoolYear: 2026, options: { timeLimitSeconds: $limit }) {
    feasible infeasibleRule solveMillis score moves { backbone }
    before { ...figures } after { ...figures }
  }
}
fragment figures on ProposalFigures {
  stages { stage judgedSchools passingSchools
           indicators { code cv threshold }
           exchange { eligibleTeachers exchangedTeachers ratio backboneShare met } }
}"""


def ask(code, limit=LIMIT):
    body = json.dumps({"query": QUERY, "variables": {"code": code, "limit": limit}}).encode()
    request = urllib.request.Request(URL, body, {"Content-Type": "application/json", "Authorization": os.environ["AUTH"]})
    started = time.monotonic()
    with urllib.request.urlopen(request, timeout=limit + 60) as response:
        answer = json.load(response)
    if answer.get("errors"):
        raise SystemExit(json.dumps(answer["errors"], ensure_ascii=False))
    return answer["data"]["exchangeProposal"], (time.monotonic() - started) * 1000


def cv(stage, code):
    return next(i["cv"] for i in stage["indicators"] if i["code"] == code)


# A first proposal warms the server (class loading, JIT, the solver's factory); it is timed, not tabled.
_, cold = ask(COUNTIES[0], 1)
print(f"Time limit {LIMIT} s, school year 2026, after a 1 s warm-up proposal ({cold:.0f} ms cold);"
      " CVs of indicators 1 to 3 (qualified, backbone, PE and arts) before → after.\n")
print("| county | stage | qualified CV | backbone CV | PE/arts CV | schools passing | exchange ratio | backbone share | moves | search | request |")
print("|---|---|---|---|---|---|---|---|---|---|---|")
for code in COUNTIES:
    proposal, millis = ask(code)
    moves = len(proposal["moves"])
    backbone = sum(1 for m in proposal["moves"] if m["backbone"])
    for before, after in zip(proposal["before"]["stages"], proposal["after"]["stages"]):
        b, a = before["exchange"], after["exchange"]
        print(f"| {code} | {before['stage']} "
              + "".join(f"| {cv(before, c):.3f} → {cv(after, c):.3f} " for c in ("QUALIFIED_TEACHERS", "BACKBONE_TEACHERS", "PE_ARTS_TEACHERS"))
              + f"| {before['passingSchools']} → {after['passingSchools']} of {before['judgedSchools']} "
              + f"| {b['exchangedTeachers']}/{b['eligibleTeachers']} = {b['ratio']:.1%} → {a['exchangedTeachers']} = {a['ratio']:.1%} "
              + f"| {(b['backboneShare'] or 0):.1%} → {(a['backboneShare'] or 0):.1%} "
              + f"| {moves} ({backbone} backbone) | {proposal['solveMillis']} ms | {millis:.0f} ms |")
    if not proposal["feasible"]:
        print(f"| {code} | infeasible: {proposal['infeasibleRule']} |||||||||")
