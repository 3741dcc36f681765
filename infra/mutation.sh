#!/usr/bin/env bash
# Mutation testing of the core's pure logic with Stryker.NET (the dotnet tool pinned in
# .config/dotnet-tools.json). On demand, not in CI: a full run takes tens of minutes.
#
#   bash infra/mutation.sh                 # every area, one after the other
#   bash infra/mutation.sh calendar mystery
#
# Areas: calendar statistics results reporting surveys mystery jobs. The areas asked are mutated in one
# Stryker run on VoixUsager.Core (one build), with one test process at a time (MUTATION_CONCURRENCY, default 1: the machine is
# shared) and bounded by MUTATION_TIMEOUT seconds (default 3600). Only the unit tests of pure logic are
# run against the mutants (UNIT_TESTS below): the tests that start the web app or a database would make
# a run last hours. Where a file mixes database code with pure rules, only the named methods are
# mutated (file.cs:Method,Other), their spans found at run time so the list survives edits.
# Prints the mutation score per file with its surviving mutants, then the total; the reports stay in
# artifacts/mutation/<areas>/. When one mutant of a method does not compile and Stryker cannot tell
# which, it drops every mutant of that method as a compile error, outside the score: an out variable
# assigned inside a short-circuit condition (a || !int.TryParse(s, out var n) || ...) is the usual
# cause, so parse into a variable in its own statement. The count of such mutants is printed per file.
# The tests run from a small project generated here (artifacts/mutation/logic-tests): it compiles the
# test files holding Category=Logic tests that need neither the web app nor the test infrastructure, so
# the test host starts in about a second instead of loading the web app, Playwright and the rest for
# every mutant. It takes the tests' assembly name, so the core's InternalsVisibleTo still applies.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

core="core/VoixUsager.Core"
declare -A AREAS=(
    [calendar]="Calendar/FrenchHolidays.cs Calendar/FrenchTimeZones.cs Calendar/WorkingDays.cs"
    [statistics]="Results/Statistics/FrenchFormat.cs Results/Statistics/Median.cs Results/Statistics/Proportion.cs Results/Statistics/SatisfactionScale.cs Results/Statistics/StandardNormal.cs Results/Statistics/TwoProportionTest.cs"
    [results]="Results/PersonalDataMasker.cs Results/RecommendationWriter.cs Results/MysteryResultsService.cs:Compliance,IsCompliant,WeightedScore"
    [reporting]="Reporting/CsvExport.cs Reporting/Percent.cs"
    [surveys]="Surveys/SurveySubmission.cs Surveys/PublicSurveyLookup.cs:NormaliseCode"
    [mystery]="Mystery/MysteryCampaignPlanner.cs:ParseScenarioLines,Spread Mystery/MysteryRecordService.cs:ParseCriteria,CriterionNamed,RequireAll,ParseMoment,CheckEmailOrder"
    [jobs]="Jobs/ReferentReminderJob.cs:StartOfIsoWeekUtc Jobs/CluDeliveryProgress.cs Clu/CluEntities.cs:TruncateError"
)
ORDER=(calendar statistics results reporting surveys mystery jobs)

# The unit tests of pure logic (trait Category=Logic): no web host, no database, no browser. Only they
# run against the mutants: a test that starts the app would make each mutant cost seconds.
UNIT_TESTS="Category=Logic"

areas=("$@")
[ ${#areas[@]} -eq 0 ] && areas=("${ORDER[@]}")
for area in "${areas[@]}"; do
    [ -n "${AREAS[$area]:-}" ] || { echo "Unknown area '$area'. Areas: ${ORDER[*]}" >&2; exit 2; }
done

dotnet tool restore >/dev/null

# "file.cs" mutates the whole file; "file.cs:A,B" only the declarations of methods A and B.
patterns() {
    python3 - "$core" "$@" <<'PY'
import re, sys
core, specs = sys.argv[1], sys.argv[2:]
for spec in specs:
    path, _, methods = spec.partition(':')
    if not methods:
        print(f"**/{path}")
        continue
    text = open(f"{core}/{path}", encoding="utf-8-sig").read()
    spans = []
    for name in methods.split(','):
        m = re.search(r"^[ \t]*(?:public|internal|private|protected)[^;{=]*?\b" + re.escape(name) + r"\s*(?:<[^>]*>)?\(", text, re.M)
        if not m:
            sys.exit(f"{path}: method {name} not found")
        # The body ends at the brace that closes the first one opened, or at the ';' of an expression body.
        depth, i, start = 0, m.end(), m.start()
        opened = False
        while i < len(text):
            c = text[i]
            if c == '{':
                depth += 1; opened = True
            elif c == '}':
                depth -= 1
                if opened and depth == 0:
                    break
            elif c == ';' and depth == 0 and not opened:
                break
            i += 1
        spans.append(f"{{{start}..{i}}}")
    print(f"**/{path}" + "".join(spans))
PY
}

summarise() {
    python3 - "$1" "$2" <<'PY'
import json, sys, os
report, area = sys.argv[1], sys.argv[2]
data = json.load(open(report))
detected = {"Killed", "Timeout"}
undetected = {"Survived", "NoCoverage"}
total_d = total_u = 0
for path, f in sorted(data["files"].items()):
    ms = f["mutants"]
    d = sum(m["status"] in detected for m in ms)
    u = sum(m["status"] in undetected for m in ms)
    if d + u == 0:
        continue
    total_d += d; total_u += u
    name = os.path.relpath(path, os.getcwd()) if os.path.isabs(path) else path
    # Not in the score: a method whose mutants stopped compiling loses all of them (see above).
    dropped = sum(m["status"] == "CompileError" for m in ms)
    note = f"  ({dropped} mutants did not compile)" if dropped else ""
    print(f"  {100 * d / (d + u):6.2f} %  {d:4d} killed / {d + u:4d}  {name}{note}")
    for m in ms:
        if m["status"] in undetected:
            loc = m["location"]["start"]
            print(f"           {m['status']:<10} line {loc['line']}: {m['mutatorName']}: {m.get('replacement', '')[:90]!r}")
if total_d + total_u:
    print(f"{area}: {100 * total_d / (total_d + total_u):.2f} % ({total_d} of {total_d + total_u} mutants killed)")
PY
}

# The generated test project: every test file with a Category=Logic test, except those that need the
# web app or the shared test infrastructure (they would bring the slow start back).
logic="$root/artifacts/mutation/logic-tests"
mkdir -p "$logic"
mapfile -t test_files < <(cd "$root/tests/VoixUsager.Tests" && grep -rl --include='*.cs' '"Category", "Logic"' . \
    | xargs grep -L -E 'Tests\.Infrastructure|VoixUsager\.Web|AngleSharp|VoixUsagerAppFactory|SmtpTestServer|EmailTestHost' | sort)
{
    cat <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <!-- Generated by infra/mutation.sh: do not edit, do not commit. -->
  <PropertyGroup>
    <AssemblyName>VoixUsager.Tests</AssemblyName>
    <RootNamespace>VoixUsager.Tests</RootNamespace>
    <IsPackable>false</IsPackable>
    <IsTestProject>true</IsTestProject>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="Microsoft.NET.Test.Sdk" />
    <PackageReference Include="xunit" />
    <PackageReference Include="xunit.runner.visualstudio" PrivateAssets="all" />
    <PackageReference Include="CsvHelper" />
    <PackageReference Include="Ical.Net" />
  </ItemGroup>
  <ItemGroup>
    <ProjectReference Include="$root/$core/VoixUsager.Core.csproj" />
    <Using Include="Xunit" />
  </ItemGroup>
  <ItemGroup>
XML
    for f in "${test_files[@]}"; do echo "    <Compile Include=\"$root/tests/VoixUsager.Tests/${f#./}\" />"; done
    echo '  </ItemGroup>'
    echo '</Project>'
} >"$logic/VoixUsager.LogicTests.csproj"
echo "Tests: the Category=Logic tests of ${#test_files[@]} test files"

# One Stryker run for all the areas asked: one build, one test process at a time.
specs=()
for area in "${areas[@]}"; do
    # shellcheck disable=SC2206
    specs+=(${AREAS[$area]})
done
mapfile -t globs < <(patterns "${specs[@]}")
name="$(IFS=-; echo "${areas[*]}")"
[ ${#areas[@]} -eq ${#ORDER[@]} ] && name=all
out="$root/artifacts/mutation/$name"
rm -rf "$out"
mkdir -p "$out"
args=()
for glob in "${globs[@]}"; do args+=(--mutate "$glob"); done
echo "Mutating ${specs[*]}"
echo "(log: $out/stryker.log)"
set +e
# From the generated test project's folder: at the root Stryker would take the solution and mutate every project.
(cd "$logic" && timeout "${MUTATION_TIMEOUT:-3600}" dotnet stryker \
    --project VoixUsager.Core.csproj \
    --configuration Release \
    --concurrency "${MUTATION_CONCURRENCY:-1}" \
    --test-case-filter "$UNIT_TESTS" \
    --reporter Json --reporter ClearText --reporter Dots \
    --output "$out" \
    --skip-version-check \
    "${args[@]}") >"$out/stryker.log" 2>&1
status=$?
set -e
report="$(find "$out" -name 'mutation-report.json' | head -n 1)"
if [ $status -ne 0 ] || [ -z "$report" ]; then
    echo "Stryker failed (exit $status); see $out/stryker.log:"
    tail -n 30 "$out/stryker.log"
    exit 1
fi

echo
echo "Mutation score per file (killed or timed out over killed, timed out, survived or not covered):"
summarise "$report" "$name"
