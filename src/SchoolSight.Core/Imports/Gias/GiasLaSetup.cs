using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Data;
using SchoolSight.Domain.Register;

namespace SchoolSight.Core.Imports.Gias;

/// <summary>What an LA's import set up besides its schools: the LAs registered, the localities created and the schools placed in them.</summary>
public sealed record GiasLaSetupResult(IReadOnlyList<string> LasRegistered, IReadOnlyList<string> LocalitiesCreated, int PlacedInLocalities)
{
    public static GiasLaSetupResult None { get; } = new([], [], 0);
}

/// <summary>
/// The steps of a GIAS import that set an LA up, in the import's transaction after its schools are saved: each LA
/// code asked for that SchoolSight does not hold is registered with its name from the file (<c>LA (name)</c>), and
/// when localities are given each school named is put in its locality, the LA's localities being created as needed.
/// Schools not named keep their locality; a locality is matched by its name, whatever its case.
/// </summary>
internal static class GiasLaSetup
{
    private const int Chunk = 1000;

    public static async Task<IReadOnlyList<string>> RegisterLasAsync(AppDbContext db, GiasImportScope scope, GiasFile file, CancellationToken ct)
    {
        if (scope.AllLas) return [];
        var codes = scope.LaCodes.ToList();
        // Held in the database, or added in this unit of work and not yet saved.
        var held = (await db.LocalAuthorities.Where(l => codes.Contains(l.Code)).Select(l => l.Code).ToListAsync(ct))
            .Concat(db.LocalAuthorities.Local.Select(l => l.Code)).ToHashSet();
        var added = new List<string>();
        foreach (var code in codes.Except(held).Order())
        {
            var name = file.LaNames.GetValueOrDefault(code) is { } fromFile ? fromFile[..Math.Min(fromFile.Length, 100)] : $"LA {code}";
            db.LocalAuthorities.Add(new LocalAuthority(code, name));
            added.Add($"{code} {name}");
        }
        if (added.Count > 0)
        {
            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync(ct);
        }
        return added;
    }

    /// <param name="byUrn">The locality of each school the import registers (other URNs already left out).</param>
    public static async Task<(IReadOnlyList<string> Created, int Placed)> PlaceInLocalitiesAsync(AppDbContext db, IReadOnlyDictionary<int, string> byUrn, CancellationToken ct)
    {
        if (byUrn.Count == 0) return ([], 0);
        var schools = new List<School>();
        foreach (var chunk in byUrn.Keys.Chunk(Chunk))
            schools.AddRange(await db.Schools.IgnoreQueryFilters().Where(s => chunk.Contains(s.Urn)).ToListAsync(ct));
        var laCodes = schools.Select(s => s.Details.LaCode).Distinct().ToList();
        var localities = (await db.Localities.Where(l => laCodes.Contains(l.LaCode)).ToListAsync(ct))
            .GroupBy(l => Key(l.LaCode, l.Name), StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);

        var created = new List<string>();
        foreach (var (laCode, name) in schools.Select(s => (s.Details.LaCode, byUrn[s.Urn])).Distinct().OrderBy(p => p.Item2, StringComparer.Ordinal))
        {
            if (localities.ContainsKey(Key(laCode, name))) continue;
            var locality = new Locality(laCode, name);
            db.Localities.Add(locality);
            localities[Key(laCode, name)] = locality;
            created.Add(name);
        }
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(ct);

        var placed = 0;
        foreach (var school in schools)
        {
            var locality = localities[Key(school.Details.LaCode, byUrn[school.Urn])];
            if (school.LocalityId == locality.Id) continue;
            school.PlaceInLocality(locality);
            placed++;
        }
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(ct);
        return (created, placed);
    }

    private static string Key(int laCode, string name) => $"{laCode}|{name.Trim()}";
}
