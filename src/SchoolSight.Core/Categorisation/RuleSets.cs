using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Data;
using SchoolSight.Core.Indicators;
using SchoolSight.Domain;
using SchoolSight.Domain.Access;
using SchoolSight.Domain.Categorisation;
using SchoolSight.Domain.Categorisation.Rules;
using SchoolSight.Domain.Workflows;

namespace SchoolSight.Core.Categorisation;

/// <summary>
/// The LA's rule sets: the default criteria that ship with SchoolSight (adopted when a database is created), drafts
/// uploaded for what-if previews, and the one adopted set proposals come from. Parsed against the indicator catalogue
/// in use. Each stored version is parsed once: the parsed set is cached by the stored id and a hash of the file, and
/// callers arriving together wait for the one parse rather than each starting their own.
/// </summary>
public sealed class RuleSets(IndicatorCatalogueSource catalogue)
{
    public const string ShippedBy = "SchoolSight";
    private readonly ConcurrentDictionary<(long Id, string Hash), Lazy<RuleSetParseResult>> _parsed = new();

    public static string ReadDefault()
    {
        using var stream = typeof(RuleSets).Assembly.GetManifestResourceStream("SchoolSight.Core.Categorisation.default-rules.yaml")
            ?? throw new InvalidOperationException("The default levels of support criteria are missing from the build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public RuleSetParseResult Parse(string yaml) => RuleSetParser.Parse(yaml, catalogue.Catalogue);

    /// <summary>A file as uploaded or read from disk: its encoding and size are checked before it is parsed.</summary>
    public RuleSetParseResult Parse(ReadOnlySpan<byte> file) => RuleSetFile.Parse(file, catalogue.Catalogue);

    public RuleSetParseResult Parse(RuleSetVersion stored) =>
        _parsed.GetOrAdd((stored.Id, Hash(stored.Content)), _ => new(() => Parse(stored.Content))).Value;

    /// <summary>Reads at most one byte more than a rule set file may have, so an oversized upload is refused without being read whole.</summary>
    public static async Task<byte[]> ReadAsync(Stream file, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81_920];
        int read;
        while (buffer.Length <= RuleSetFile.MaxBytes && (read = await file.ReadAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, RuleSetFile.MaxBytes + 1 - buffer.Length)), ct)) > 0)
            buffer.Write(chunk, 0, read);
        return buffer.ToArray();
    }

    private static string Hash(string content) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(content)));

    /// <summary>The adopted rule set, parsed; a failure names the problem (e.g. the LA changed its indicator catalogue since).</summary>
    public async Task<OperationResult<(RuleSetVersion Stored, RuleSet Rules)>> AdoptedAsync(AppDbContext db, CancellationToken ct)
    {
        var stored = await db.RuleSets.AsNoTracking().FirstOrDefaultAsync(r => r.Status == RuleSetStatus.Adopted, ct);
        if (stored is null) return OperationResult<(RuleSetVersion, RuleSet)>.Fail(DomainError.Rule("rules.none", "No levels of support criteria have been adopted yet."));
        var parsed = Parse(stored);
        if (!parsed.IsValid)
            return OperationResult<(RuleSetVersion, RuleSet)>.Fail(DomainError.Rule("rules.invalid",
                $"The adopted criteria (version {stored.Version}) no longer pass their checks: {string.Join("; ", parsed.Errors.Take(3))}. Upload and adopt a corrected version."));
        return OperationResult<(RuleSetVersion, RuleSet)>.Ok((stored, parsed.RuleSet!));
    }

    /// <summary>A new database starts with the shipped default criteria adopted, so proposals work from the first day.</summary>
    public static async Task EnsureDefaultAsync(AppDbContext db, CancellationToken ct = default)
    {
        if (await db.RuleSets.AnyAsync(ct)) return;
        var yaml = ReadDefault();
        var header = RuleSetParser.Parse(yaml, IndicatorCatalogueSource.Default.Catalogue).RuleSet
            ?? throw new InvalidOperationException("The shipped default criteria do not pass their own checks.");
        var stored = new RuleSetVersion(header.Version, header.Name, yaml, ShippedBy, db.UtcNow);
        stored.Adopt(new MoveContext(new Actor(ShippedBy, Role.LaAdministrator), db.UtcNow, db.Today(), "The default criteria that ship with SchoolSight."));
        db.RuleSets.Add(stored);
        await db.SaveChangesAsync(ct);
    }
}
