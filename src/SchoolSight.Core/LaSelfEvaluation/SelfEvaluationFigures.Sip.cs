using SchoolSight.Core.Data;
using SchoolSight.Core.Sip;
using SchoolSight.Domain;
using SchoolSight.Domain.QualityStandards;
using SchoolSight.Domain.Register;

namespace SchoolSight.Core.LaSelfEvaluation;

public static partial class SelfEvaluationFigures
{
    /// <summary>
    /// The figures from the SIPs' visits and reports of the year: per phase, the schools whose latest issued visit
    /// judged their targets in line with guidance and their tracking accurate; the SIPs of secondary schools with
    /// secondary headship experience; and the issued reports, once all seven features are settled, with all of them,
    /// missing one or two, or three or more.
    /// </summary>
    private static async Task<IEnumerable<ComputedFigure>> SipFiguresAsync(AppDbContext db, int academicYear, Dictionary<int, SefPhase> phaseOf, CancellationToken ct)
    {
        var evidence = await new GetSipEvidence(db).RunAsync(academicYear, ct);
        var year = AcademicYear.Format(academicYear);
        var issued = evidence.Visits.Where(v => v.IsIssued && phaseOf.ContainsKey(v.Urn)).ToList();
        var figures = new List<ComputedFigure>();
        foreach (var phase in RagRatings.Phases)
        {
            var ofPhase = issued.Where(v => phaseOf[v.Urn] == phase).ToList();
            var schools = phase.Describe().ToLowerInvariant() + " schools";
            figures.Add(Latest(ComputedMeasure.TargetsInLine, phase, ofPhase, v => v.TargetsInLineWithGuidance,
                (n, of) => $"{n} of the {of} {schools} whose targets a SIP judged in an issued report of {year} (the latest judgement for each) set targets in line with guidance"));
            figures.Add(Latest(ComputedMeasure.TrackingAccurate, phase, ofPhase, v => v.TrackingAccurate,
                (n, of) => $"{n} of the {of} {schools} whose tracking a SIP judged in an issued report of {year} (the latest judgement for each) track progress accurately"));

            var settled = ofPhase.Where(v => v.Missing is not null).ToList();
            var waiting = ofPhase.Count - settled.Count;
            var note = waiting > 0 ? $"; {waiting} issued report{(waiting == 1 ? "" : "s")} still wait{(waiting == 1 ? "s" : "")} for a reviewer's judgement and {(waiting == 1 ? "is" : "are")} left out" : "";
            if (settled.Count == 0)
            {
                foreach (var m in new[] { ComputedMeasure.ReportsWithAllFeatures, ComputedMeasure.ReportsMissingOneOrTwoFeatures, ComputedMeasure.ReportsMissingThreeOrMoreFeatures })
                    figures.Add(new(m, phase, null, $"No issued SIP report of {year} for {schools} has all seven features settled yet{note}"));
                continue;
            }
            var all = settled.Count(v => v.Missing == 0);
            var oneOrTwo = settled.Count(v => v.Missing is 1 or 2);
            var three = settled.Count(v => v.Missing >= 3);
            figures.Add(new(ComputedMeasure.ReportsWithAllFeatures, phase, Percent(all, settled.Count), $"{all} of {settled.Count} issued SIP reports of {year} for {schools} have all seven features of a good report{note}"));
            figures.Add(new(ComputedMeasure.ReportsMissingOneOrTwoFeatures, phase, Percent(oneOrTwo, settled.Count), $"{oneOrTwo} of {settled.Count} issued SIP reports of {year} for {schools} miss one or two of the seven features{note}"));
            figures.Add(new(ComputedMeasure.ReportsMissingThreeOrMoreFeatures, phase, Percent(three, settled.Count), $"{three} of {settled.Count} issued SIP reports of {year} for {schools} miss three or more of the seven features{note}"));
        }

        var secondarySips = evidence.Sips.Where(s => s.AssignedUrns.Any(u => phaseOf.GetValueOrDefault(u, (SefPhase)(-1)) == SefPhase.Secondary)).ToList();
        var experienced = secondarySips.Count(s => s.HasHeadshipExperience && s.HeadshipPhase is SchoolPhase.Secondary or SchoolPhase.AllThrough);
        figures.Add(secondarySips.Count == 0
            ? new(ComputedMeasure.SecondaryHeadshipExperience, SefPhase.Secondary, null, "No SIP is assigned a secondary school")
            : new(ComputedMeasure.SecondaryHeadshipExperience, SefPhase.Secondary, Percent(experienced, secondarySips.Count),
                $"{experienced} of the {secondarySips.Count} SIPs assigned a secondary school have secondary headship experience (from their SIP profiles; a SIP with no profile counts as without)"));
        return figures;
    }

    /// <summary>Per school, the latest issued visit's judgement; the share judged yes among the schools judged.</summary>
    private static ComputedFigure Latest(ComputedMeasure measure, SefPhase phase, IReadOnlyList<VisitEvidence> visits, Func<VisitEvidence, bool?> judged, Func<int, int, string> how)
    {
        var latest = visits.Where(v => judged(v) is not null).GroupBy(v => v.Urn)
            .Select(g => judged(g.OrderBy(v => v.VisitedOn).ThenBy(v => v.VisitId).Last())!.Value).ToList();
        return latest.Count == 0
            ? new(measure, phase, null, $"No issued SIP report for {phase.Describe().ToLowerInvariant()} schools this year records this judgement")
            : new(measure, phase, Percent(latest.Count(x => x), latest.Count), how(latest.Count(x => x), latest.Count));
    }
}
