using SchoolSight.Domain.Register;
using SchoolSight.TestSupport;

namespace SchoolSight.Core.Tests.Register;

/// <summary>
/// The type rules over every establishment of England's school list (2021-22, 26,545 rows from the DfE), each with GIAS's
/// type and type group: SchoolSight's groups agree with the DfE's own grouping, with the two differences docs/imports/gias.md
/// writes down (city technology colleges are state-funded; 16 to 19 free schools are schools, with the 16 plus phase).
/// </summary>
public sealed class EstablishmentTypesOnRealRowsTests
{
    [Fact]
    public void EveryEstablishmentOfEnglandsSchoolList_FallsInTheDfesGroup()
    {
        var rows = WholeLaGiasFile.SchoolList(null);
        rows.Count.ShouldBe(26545);
        var wrong = new List<string>();
        foreach (var row in rows)
        {
            var (type, group) = WholeLaGiasFile.GiasTypeOf(row);
            var expected = (row.MinorGroup, row.SchoolType) switch
            {
                (_, "Free schools 16 to 19") => SchoolTypeGroup.StateFundedMainstream,
                ("College" or "Other", _) => (SchoolTypeGroup?)null,
                (_, "City technology college") => SchoolTypeGroup.StateFundedMainstream,
                ("Independent school", _) or (_, "Other independent special school") => SchoolTypeGroup.Independent,
                (_, "Non-maintained special school") => SchoolTypeGroup.NonMaintainedSpecial,
                ("Special school", _) => SchoolTypeGroup.StateFundedSpecial,
                ("Maintained school" or "Academy", _) => SchoolTypeGroup.StateFundedMainstream,
                _ => throw new InvalidOperationException($"A group the test does not know: {row.MinorGroup}"),
            };
            var actual = EstablishmentTypes.IsMonitored(type, group) ? EstablishmentTypes.TypeGroupOf(type, group) : (SchoolTypeGroup?)null;
            if (actual != expected) wrong.Add($"{row.Urn} {row.MinorGroup} / {row.SchoolType}: {actual?.ToString() ?? "not monitored"}, expected {expected?.ToString() ?? "not monitored"}");
        }
        wrong.ShouldBeEmpty(string.Join("\n", wrong.Take(20)));
    }
}
