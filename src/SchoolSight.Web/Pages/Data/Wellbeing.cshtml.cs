using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SchoolSight.Core.Exports;
using SchoolSight.Core.Indicators;
using SchoolSight.Core.Voice;
using SchoolSight.Domain.Indicators;
using SchoolSight.Domain.Voice;
using SchoolSight.Web.Authorization;

namespace SchoolSight.Web.Pages.Data;

/// <summary>
/// A school's well-being evidence for one Every Child Matters outcome (DOMAIN.md 9, seed 001 section 5): the outcome's
/// indicators with benchmarks and trends, the gaps for vulnerable groups, pupils' and parents' views, and the seed's
/// questions to prompt the school's self-evaluation. <c>?format=csv|xlsx</c> downloads the indicators
/// (<c>&amp;table=groups</c>: the group gaps).
/// </summary>
[Authorize(Policy = Policies.RegisterReader)]
public sealed class WellbeingModel(GetSchoolIndicators get, IAuthorizationService authorization) : PageModel
{
    public static readonly IReadOnlyList<(PupilGroup Group, PupilGroup Others)> VulnerableGroups = WellbeingSelfEvaluation.VulnerableGroups;

    public SchoolIndicatorsView View { get; private set; } = null!;
    public EcmOutcome Outcome { get; private set; }
    public IReadOnlyList<IndicatorRow> Measures { get; private set; } = [];
    public IReadOnlyList<IndicatorRow> PupilViews { get; private set; } = [];
    public IReadOnlyList<IndicatorRow> ParentViews { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int urn, string outcome, int? year, string? format, string? table, bool publication, CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, new SchoolResource(urn), SchoolOperations.Read)).Succeeded) return Forbid();
        if (EcmOutcomes.FromSlug(outcome) is not { } ecm) return NotFound();
        if (await get.RunAsync(urn, year, ecm, publication, ct) is not { } view) return NotFound();
        (View, Outcome) = (view, ecm);
        var evidence = WellbeingEvidence.For(view, ecm, VulnerableGroups);
        Measures = [.. evidence.Measures.OrderBy(r => IndicatorFormat.SectionOrder(r.Indicator))];
        (PupilViews, ParentViews) = (evidence.PupilViews, evidence.ParentViews);
        var export = DataExports.File(format, $"{urn}-{ecm.Slug()}-{view.AcademicYear}", () => table == "groups"
            ? GroupGaps(view, Measures, ecm)
            : DataExports.SchoolIndicators(view, view.Rows, $"{ecm.DisplayName()}: {view.SchoolName} (URN {urn})"));
        return export ?? Page();
    }

    public static FigureView FigureOf(IndicatorRow row, PupilGroup group) => WellbeingEvidence.FigureOf(row, group);

    public static double? Gap(IndicatorRow row, PupilGroup group, PupilGroup others) =>
        FigureOf(row, group).Value is { } a && FigureOf(row, others).Value is { } b ? a - b : null;

    private static ExportTable GroupGaps(SchoolIndicatorsView view, IReadOnlyList<IndicatorRow> rows, EcmOutcome outcome)
    {
        var columns = new List<string> { "Indicator id", "Indicator" };
        foreach (var (g, o) in VulnerableGroups) columns.AddRange([g.DisplayName(), o.DisplayName(), $"Gap: {g.DisplayName()}"]);
        var data = rows.Where(r => r.Groups.Count > 0).Select(r =>
        {
            var cells = new List<object?> { r.Indicator.Id, r.Indicator.Name };
            foreach (var (g, o) in VulnerableGroups)
            {
                cells.Add(DataExports.Cell(FigureOf(r, g), r.Indicator));
                cells.Add(DataExports.Cell(FigureOf(r, o), r.Indicator));
                cells.Add(Gap(r, g, o) is { } gap ? ExportNumber.Of(gap, IndicatorFormat.Decimals(r.Indicator)) : null);
            }
            return (IReadOnlyList<object?>)cells;
        }).ToList();
        var notes = new List<string> { "Gap: the group's figure minus the figure for the other pupils." };
        if (view.Suppressed) notes.Add($"Small numbers suppressed: {view.SuppressionNote}");
        return new ExportTable($"{outcome.DisplayName()}: vulnerable groups, {view.SchoolName} (URN {view.Urn})", columns, data, notes);
    }
}
