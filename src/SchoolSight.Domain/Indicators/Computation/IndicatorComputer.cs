using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace SchoolSight.Domain.Indicators.Computation;

/// <summary>
/// Counts every indicator of the catalogue for one school-year from its pupil and survey rows. Each pupil is counted
/// once in its cell (<see cref="PupilGroups"/>), column by column, and cells are summed into the groups at the end.
/// Pure and thread-safe: one instance serves every school of a national recompute in parallel.
/// </summary>
public sealed class IndicatorComputer
{
    private readonly bool[,] _groupHasCell;

    public IndicatorComputer(IndicatorCatalogue catalogue)
    {
        Catalogue = catalogue;
        Slots = StoredSlots(catalogue);
        _groupHasCell = new bool[PupilGroups.All.Count, PupilGroups.CellCount];
        foreach (var group in PupilGroups.All)
            for (var cell = 0; cell < PupilGroups.CellCount; cell++)
                _groupHasCell[(int)group, cell] = group.Contains(cell);
    }

    public IndicatorCatalogue Catalogue { get; }

    /// <summary>The indicators whose tallies are stored: those counted from rows, then the school shares.</summary>
    public IReadOnlyList<IndicatorDefinition> Slots { get; }

    public static IReadOnlyList<IndicatorDefinition> StoredSlots(IndicatorCatalogue catalogue) =>
        [.. catalogue.Counted, .. catalogue.Indicators.Where(i => i.Kind == IndicatorKind.SchoolShare)];

    public IndicatorTallies NewTallies() => new(Slots);

    /// <param name="times">When given, the time each part of the counting took is added to it.</param>
    public IndicatorTallies Compute(PupilColumns? pupils, SurveyColumns? survey, CountingTimes? times = null)
    {
        var tallies = NewTallies();
        if (pupils is { Count: > 0 }) CountPupils(pupils, tallies, times);
        if (survey is { Count: > 0 }) CountSurvey(survey, tallies, times);
        var started = Stopwatch.GetTimestamp();
        CountSchoolShares(tallies);
        times?.AddGroups(started);
        return tallies;
    }

    /// <summary>A school counts once towards each school share it has the figures for: 1 of 1 if the rule holds, 0 of 1 if not.</summary>
    public void CountSchoolShares(IndicatorTallies tallies)
    {
        for (var slot = 0; slot < Slots.Count; slot++)
        {
            if (Slots[slot].SchoolRule is not { } rule) continue;
            var holds = rule.Holds(id =>
            {
                var s = tallies.SlotOf(id);
                return s < 0 ? null : IndicatorValue.From(Slots[s], tallies[s, PupilGroup.All], tallies.Histograms[s])?.Value;
            });
            tallies[slot, PupilGroup.All] = holds is null ? default : new Tally(holds.Value ? 1 : 0, 1, double.NaN, 1);
        }
    }

    /// <summary>
    /// Empties every figure the DfE did not publish for <paramref name="academicYear"/> (<see cref="IndicatorDefinition.NotPublishedIn"/>),
    /// whether it came from pupil-level rows or published files, so no school, area, benchmark or rule ever sees one:
    /// a school share goes too when any measure its rule reads was not published.
    /// </summary>
    public void WithholdUnpublished(IndicatorTallies tallies, int academicYear)
    {
        for (var slot = 0; slot < Slots.Count; slot++)
        {
            var indicator = Slots[slot];
            var published = indicator.IsPublishedIn(academicYear)
                && (indicator.SchoolRule?.Tests.All(t => Catalogue.Find(t.IndicatorId)?.IsPublishedIn(academicYear) ?? true) ?? true);
            if (published) continue;
            for (var g = 0; g < IndicatorTallies.GroupCount; g++) tallies[slot, (PupilGroup)g] = default;
            if (tallies.Histograms[slot] is { } histogram) Array.Clear(histogram);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void CountPupils(PupilColumns pupils, IndicatorTallies tallies, CountingTimes? times)
    {
        var started = Stopwatch.GetTimestamp();
        var n = pupils.Count;
        var cells = PupilGroups.Cells(pupils);
        var a = new byte[n];
        var b = new byte[n];
        var cellTallies = new Tally[PupilGroups.CellCount];
        times?.AddGroups(started);

        for (var slot = 0; slot < Slots.Count; slot++)
        {
            var indicator = Slots[slot];
            if (indicator.IsPublishedOnly) continue;
            started = Stopwatch.GetTimestamp();
            Array.Clear(cellTallies);
            switch (indicator.Kind)
            {
                case IndicatorKind.Proportion:
                    indicator.Count!.Evaluate(pupils, a);
                    indicator.Of!.Evaluate(pupils, b);
                    for (var i = 0; i < n; i++)
                    {
                        if (b[i] == 0) continue;
                        ref var t = ref cellTallies[cells[i]];
                        t.D++;
                        t.N += a[i];
                    }
                    for (var c = 0; c < cellTallies.Length; c++) cellTallies[c].C = cellTallies[c].D;
                    break;
                case IndicatorKind.Mean:
                    {
                        var values = pupils.Numbers(indicator.Value!);
                        if (indicator.Of is { } of) of.Evaluate(pupils, b); else b.AsSpan().Fill(1);
                        for (var i = 0; i < n; i++)
                        {
                            var v = values[i];
                            if (b[i] == 0 || float.IsNaN(v)) continue;
                            ref var t = ref cellTallies[cells[i]];
                            t.N += v;
                            t.D++;
                            t.Q += (double)v * v;
                        }
                        for (var c = 0; c < cellTallies.Length; c++) cellTallies[c].C = cellTallies[c].D;
                        break;
                    }
                case IndicatorKind.Rate:
                    {
                        var values = pupils.Numbers(indicator.Value!);
                        var over = pupils.Numbers(indicator.Over!);
                        for (var i = 0; i < n; i++)
                        {
                            var o = over[i];
                            var v = values[i];
                            if (!(o > 0) || float.IsNaN(v)) continue;
                            ref var t = ref cellTallies[cells[i]];
                            t.N += v;
                            t.D += o;
                            t.C++;
                        }
                        break;
                    }
                case IndicatorKind.Lowest20Gap:
                    {
                        var values = pupils.Numbers(indicator.Value!);
                        var histogram = tallies.Histograms[slot]!;
                        if (indicator.Of is { } of) of.Evaluate(pupils, b); else b.AsSpan().Fill(1);
                        var cellBins = new int[PupilGroups.CellCount * IndicatorTallies.HistogramBins];
                        for (var i = 0; i < n; i++)
                        {
                            var v = values[i];
                            if (b[i] == 0 || float.IsNaN(v)) continue;
                            var bin = Math.Clamp((int)MathF.Round(v), 0, IndicatorTallies.HistogramBins - 1);
                            cellBins[cells[i] * IndicatorTallies.HistogramBins + bin]++;
                            ref var t = ref cellTallies[cells[i]];
                            t.D++;
                            t.C++;
                        }
                        for (var g = 0; g < IndicatorTallies.GroupCount; g++)
                            for (var c = 0; c < PupilGroups.CellCount; c++)
                            {
                                if (!_groupHasCell[g, c]) continue;
                                for (var k = 0; k < IndicatorTallies.HistogramBins; k++)
                                    histogram[g * IndicatorTallies.HistogramBins + k] += cellBins[c * IndicatorTallies.HistogramBins + k];
                            }
                        break;
                    }
                default:
                    continue;
            }
            for (var g = 0; g < IndicatorTallies.GroupCount; g++)
            {
                var sum = default(Tally);
                for (var c = 0; c < PupilGroups.CellCount; c++)
                    if (_groupHasCell[g, c]) sum += cellTallies[c];
                tallies[slot, (PupilGroup)g] = sum;
            }
            if (indicator.Kind == IndicatorKind.Lowest20Gap) times?.AddHistograms(started); else times?.AddGroups(started);
        }

        started = Stopwatch.GetTimestamp();
        tallies.Intake = Intake(pupils, cells);
        times?.AddIntake(started);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static IntakeProfile Intake(PupilColumns pupils, byte[] cells)
    {
        double fsm = 0, sen = 0, eal = 0, priorSum = 0, priorCount = 0;
        foreach (var cell in cells)
        {
            if (PupilGroup.Fsm.Contains(cell)) fsm++;
            if (PupilGroup.Sen.Contains(cell)) sen++;
            if (PupilGroup.Eal.Contains(cell)) eal++;
        }
        // Prior attainment on one scale: key stage 1 points (primary) and key stage 2 scaled scores (secondary) are
        // each turned into a standard score against their national scale, so schools of a phase compare like with like.
        var ks1 = pupils.Numbers(PupilFields.Ks2Prior);
        var ks2 = pupils.Numbers(PupilFields.Ks4Prior);
        for (var i = 0; i < pupils.Count; i++)
        {
            if (!float.IsNaN(ks1[i])) { priorSum += (ks1[i] - 16.0) / 4.0; priorCount++; }
            else if (!float.IsNaN(ks2[i])) { priorSum += (ks2[i] - 104.0) / 6.0; priorCount++; }
        }
        return new IntakeProfile(pupils.Count, fsm, sen, eal, priorSum, priorCount);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void CountSurvey(SurveyColumns survey, IndicatorTallies tallies, CountingTimes? times)
    {
        var started = Stopwatch.GetTimestamp();
        for (var slot = 0; slot < Slots.Count; slot++)
        {
            var indicator = Slots[slot];
            if (indicator.Kind != IndicatorKind.Perception) continue;
            var answers = survey.Answers(indicator.Question!);
            var respondent = (byte)indicator.Respondents!.Value;
            double agree = 0, views = 0;
            for (var i = 0; i < survey.Count; i++)
            {
                if (survey.RespondentTypes[i] != respondent) continue;
                var answer = answers[i];
                if (!indicator.Question!.Scale.GivesView(answer)) continue;
                views++;
                if (indicator.Question.Scale.Agrees(answer)) agree++;
            }
            tallies[slot, PupilGroup.All] = new Tally(agree, views, double.NaN, views);
        }
        times?.AddPerception(started);
    }
}
