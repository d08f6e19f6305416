using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Data;
using SchoolSight.Core.Documents;
using SchoolSight.Core.Exports;
using SchoolSight.Domain.Indicators;
using static SchoolSight.Core.Documents.HtmlDocument;

namespace SchoolSight.Core.Voice;

/// <summary>
/// The printable sheets of a survey's codes: a page per class (and one for parents) of slips to cut out, each with the
/// web address and one code. The sheet names the class only: which pupil gets which slip is never recorded. The
/// pupils' and the parents' sheets can be printed apart (<paramref name="who"/>), as they are given out apart.
/// </summary>
[Operation]
public sealed class SurveyCodeSheet(AppDbContext db)
{
    /// <summary>The codes not yet sent of the given surveys as a table (school, survey, class, code), for a CSV file.</summary>
    public async Task<ExportTable> TableAsync(IReadOnlyCollection<long> windowIds, CancellationToken ct = default)
    {
        var codes = await db.SurveyCodes.AsNoTracking().Where(c => windowIds.Contains(c.WindowId) && c.SentAt == null)
            .OrderBy(c => c.Urn).ThenBy(c => c.WindowId).ThenBy(c => c.Respondent).ThenBy(c => c.YearGroup).ThenBy(c => c.Group).ThenBy(c => c.Id)
            .Select(c => new { c.Urn, c.WindowId, c.Group, c.Code }).ToListAsync(ct);
        return new ExportTable("Survey access codes", ["URN", "Survey", "Class", "Code"],
            [.. codes.Select(c => (IReadOnlyList<object?>)[c.Urn, c.WindowId, c.Group, OpenSurveyWindow.Printed(c.Code)])],
            ["Each code can be used once. Give the slips out at random: nothing records who had which code."]);
    }

    public async Task<HtmlDocument?> RunAsync(long windowId, string surveyAddress, RespondentType? who = null, CancellationToken ct = default)
    {
        var window = await db.SurveyWindows.AsNoTracking().SingleOrDefaultAsync(w => w.Id == windowId, ct);
        if (window is null) return null;
        var school = await db.Schools.AsNoTracking().Where(s => s.Urn == window.Urn).Select(s => s.Details.Name).SingleOrDefaultAsync(ct) ?? $"School {window.Urn}";
        var codes = await db.SurveyCodes.AsNoTracking().Where(c => c.WindowId == windowId && c.SentAt == null && (who == null || c.Respondent == who))
            .OrderBy(c => c.Respondent).ThenBy(c => c.YearGroup).ThenBy(c => c.Group).ThenBy(c => c.Id)
            .Select(c => new { c.Group, c.Code, c.Respondent }).ToListAsync(ct);
        var document = new HtmlDocument($"{window.Title}: access codes for {school}");
        var first = true;
        foreach (var group in codes.GroupBy(c => c.Group))
        {
            document.Raw(first ? "<section>" : "<section style=\"page-break-before: always\">");
            first = false;
            var parents = group.First().Respondent == RespondentType.Parent;
            document.Heading($"{school}: {group.Key}", 1)
                .Caption($"{window.Title}. Open from {window.OpensOn:d MMMM yyyy} to {window.ClosesOn:d MMMM yyyy}. Cut out the slips and give one to each {(parents ? "parent" : "pupil")}; do not write names on them.")
                .Raw("<div style=\"display:grid;grid-template-columns:1fr 1fr 1fr;gap:0;\">");
            foreach (var code in group)
                document.Raw($"<div style=\"border:1px dashed #505a5f;padding:8pt;page-break-inside:avoid;\">"
                    + (parents ? "<div style=\"font-size:9pt\">Your child's school would like to know what you think of it.</div>" : "")
                    + $"<div style=\"font-size:9pt\">Go to <strong>{E(surveyAddress)}</strong> and type your code:</div>"
                    + $"<div style=\"font-size:18pt;font-weight:bold;letter-spacing:2pt;font-family:'Liberation Mono',monospace\">{E(OpenSurveyWindow.Printed(code.Code))}</div>"
                    + "<div style=\"font-size:8pt\">You can stop and carry on later with the same code.</div></div>");
            document.Raw("</div></section>");
        }
        if (codes.Count == 0) document.Heading(school, 1).Paragraphs(who == RespondentType.Parent ? "This survey has no parent codes left to give out." : "Every code of this survey has been used.");
        return document;
    }
}
