using SchoolSight.Domain.Register;

namespace SchoolSight.Core.Imports.Gias;

/// <summary>
/// What an import of a checked file will do to the schools SchoolSight holds, decided before anything is written:
/// add each new URN, update each school whose GIAS details differ, close each school of a covered LA that the file
/// marks closed or no longer lists. Schools are never deleted; fields GIAS does not supply (locality, clusters) are
/// not part of the details and so are never touched.
/// </summary>
internal sealed class GiasImportPlan
{
    /// <param name="Held">The school as held (not tracked), or null for a new one.</param>
    /// <param name="Details">The details to give it, or null to mark a school missing from the file closed.</param>
    public sealed record Step(GiasSchoolChange Change, School? Held, SchoolDetails? Details);

    private GiasImportPlan(List<Step> steps, int unchanged) => (Steps, Unchanged) = (steps, unchanged);

    /// <summary>In file order, then the closures of schools missing from the file.</summary>
    public IReadOnlyList<Step> Steps { get; }

    /// <summary>Rows of the file whose school SchoolSight already holds exactly so.</summary>
    public int Unchanged { get; }

    public IReadOnlyList<GiasSchoolChange> Changes => [.. Steps.Select(s => s.Change)];

    public int Count(GiasChangeKind kind) => Steps.Count(s => s.Change.Kind == kind);

    /// <param name="held">The held schools the plan may change: those whose row differs, those the file no longer lists.</param>
    /// <param name="heldSo">URNs of rows whose school is already held exactly so (not in <paramref name="held"/>).</param>
    public static GiasImportPlan Make(GiasFile file, IReadOnlyDictionary<int, School> held, IReadOnlySet<int> heldSo, GiasImportScope scope)
    {
        var steps = new List<Step>();
        var inFile = new HashSet<int>(file.SkippedUrns);
        var unchanged = 0;
        foreach (var row in file.Rows)
        {
            inFile.Add(row.Urn);
            if (heldSo.Contains(row.Urn))
            {
                unchanged++;
                continue;
            }
            if (!held.TryGetValue(row.Urn, out var school))
            {
                steps.Add(new Step(new GiasSchoolChange(row.Urn, row.Details.Name, GiasChangeKind.Added, []), null, row.Details));
                continue;
            }
            var details = KeepFieldsNotInFile(row.Details, school.Details, file.ColumnsNotInFile);
            if (details == school.Details)
            {
                unchanged++;
                continue;
            }
            var closing = school.Details.Status != SchoolStatus.Closed && details.Status == SchoolStatus.Closed;
            var change = new GiasSchoolChange(row.Urn, details.Name, closing ? GiasChangeKind.Closed : GiasChangeKind.Updated, details.DifferencesFrom(school.Details));
            steps.Add(new Step(change, school, details));
        }

        // A covered LA's school that the file no longer lists has closed. With every LA kept, only the LAs the file covers count.
        var lasCovered = scope.AllLas ? file.LaCodesInFile : scope.LaCodes;
        foreach (var school in held.Values.Where(s => !inFile.Contains(s.Urn) && lasCovered.Contains(s.Details.LaCode) && s.Details.Status != SchoolStatus.Closed).OrderBy(s => s.Urn))
            steps.Add(new Step(new GiasSchoolChange(school.Urn, school.Details.Name, GiasChangeKind.Closed, [nameof(SchoolDetails.Status)]), school, null));
        return new GiasImportPlan(steps, unchanged);
    }

    /// <summary>A column the file does not have says nothing about its field: keep what SchoolSight holds.</summary>
    private static SchoolDetails KeepFieldsNotInFile(SchoolDetails fromFile, SchoolDetails held, IReadOnlyList<GiasColumn> notInFile)
    {
        if (notInFile.Count == 0) return fromFile;
        var merged = fromFile with { };
        foreach (var column in notInFile)
        {
            var property = typeof(SchoolDetails).GetProperty(column.Property)!;
            property.SetValue(merged, property.GetValue(held));
        }
        return merged;
    }
}
